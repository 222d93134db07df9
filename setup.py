"""Builds liburingnet.so with the project's CMake preset before the Python package is
assembled, and puts it inside the package (see pyproject.toml). The wheel is therefore
platform-specific. Run by pip / python3 -m build; not a script of its own."""
import os
import shutil
import subprocess
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PRESET = "python"  # CMakePresets.json: Release, no tests, in build/python


class BuildWithLibrary(build_py):
    """build_py, then liburingnet.so (the real file behind the symlinks) into the package."""

    def run(self):
        super().run()
        if not (ROOT / "build" / PRESET / "build.ninja").exists():
            subprocess.run(["cmake", "--preset", PRESET], cwd=ROOT, check=True)
        subprocess.run(["cmake", "--build", "--preset", PRESET, "--target", "uringnet"], cwd=ROOT, check=True)
        built = (ROOT / "build" / PRESET / "liburingnet.so").resolve()
        target = Path(self.build_lib) / "uringnet" / "liburingnet.so"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, target)
        if shutil.which("strip"):
            subprocess.run(["strip", "--strip-debug", str(target)], check=True)


class BinaryDistribution(Distribution):
    """The package carries a compiled library: its wheel is for this platform."""

    def has_ext_modules(self):
        return True


# (The egg-info goes with the build, not beside the generated module.)
EGG_BASE = ROOT / "build" / PRESET
EGG_BASE.mkdir(parents=True, exist_ok=True)
setup(cmdclass={"build_py": BuildWithLibrary}, distclass=BinaryDistribution,
      options={"egg_info": {"egg_base": os.path.relpath(EGG_BASE, ROOT)}})
