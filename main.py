"""MOI e-services kiosk. `python main.py` starts it in demo mode; see README.md."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
