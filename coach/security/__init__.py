"""Who is asking and what may render: identities, accounts, web checks, redaction."""
