"""Everything rich draws: tables, panels, the countdown, the progress bar. Only commands use it."""
