"""MOI e-services kiosk. `python main.py` starts it in demo mode; see README.md."""

import gc
import sys

# Start-up makes tens of thousands of objects that live as long as the kiosk (modules, Qt's enums,
# the window): looking for garbage among them is wasted time (45 collections, about 6 ms, before
# the first frame). The collector comes back once the first frame is painted, with those objects
# frozen out of its way (ui/app.py: main).
gc.disable()

from ui.app import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
