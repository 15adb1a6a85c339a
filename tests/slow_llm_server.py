"""A tiny chat-completions server on loopback that streams slowly, for kill tests.

Run as ``python -m tests.slow_llm_server PORT`` from the repository root. Each request
streams 200 words, one every 50 ms, so a client can be killed mid-answer.
"""

from __future__ import annotations

import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.conftest import sse_event


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
            try:
                self.wfile.write(sse_event({"content": f"word{i} "}, model="slow").encode())
                self.wfile.flush()
            except BrokenPipeError:
                return
            time.sleep(0.05)
        self.wfile.write(b"data: [DONE]\n\n")


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
