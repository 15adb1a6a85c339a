"""A tiny chat-completions server on loopback that streams slowly, for kill tests.

Run as ``python tests/slow_llm_server.py PORT``. Each request streams 200 words, one
every 50 ms, so a client can be killed mid-answer.
"""

from __future__ import annotations

import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length", 0))
        self.rfile.read(length)
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        for i in range(200):
            chunk = {
                "id": "s",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "slow",
                "choices": [{"index": 0, "delta": {"content": f"word{i} "}, "finish_reason": None}],
            }
            try:
                self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.flush()
            except BrokenPipeError:
                return
            time.sleep(0.05)
        self.wfile.write(b"data: [DONE]\n\n")


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
