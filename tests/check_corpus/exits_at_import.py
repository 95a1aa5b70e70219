"""A module that calls sys.exit() while it is imported (a script with no `if __name__ == "__main__":`)."""

import sys

sys.exit(3)
