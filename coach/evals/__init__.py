"""The eval suite: YAML cases, checks, a mocked or live model, reports and a baseline gate."""
