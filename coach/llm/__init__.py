"""Chat models behind one protocol: the OpenAI-compatible client and the offline responder."""
