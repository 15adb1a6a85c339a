"""The edges people use: the CLI and the Gradio UI."""
