"""The private SANE configuration (see sane_env)."""

from tests.devices.scan.sane_env import sane_dir

__all__ = ["sane_dir"]
