"""One coaching turn: signals, profile, stages, context, prompt, guardrails, citations."""
