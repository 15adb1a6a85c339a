"""The promotion plan between conversations: gaps, commitments, follow-up, exports."""
