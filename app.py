"""Start the chat UI: ``python app.py`` (the same as ``coach serve``).

Settings come from ``COACH_*`` variables or the config file; see ``coach config``.
"""

from coach.interfaces.cli import main

if __name__ == "__main__":
    import sys

    sys.argv = [sys.argv[0], "serve", *sys.argv[1:]]
    main()
