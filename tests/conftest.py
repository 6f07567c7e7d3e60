"""Settings shared by the whole suite."""

from __future__ import annotations

import os

from hypothesis import settings

# In the suite, property tests are derandomised: the same examples on every run, so a
# submission's result does not depend on luck. `scripts/fuzz.py` explores at random
# for as long as it is given; HYPOTHESIS_PROFILE=explore does the same in pytest.
settings.register_profile("suite", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))
