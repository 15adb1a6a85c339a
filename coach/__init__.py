"""A Socratic career coach for engineers, grounded in a cited corpus."""

__version__ = "0.1.0"
