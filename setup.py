"""Builds liburingnet.so with the project's CMake preset before the Python package is
assembled, and puts it inside the package (see pyproject.toml). The wheel is therefore
platform-specific. Run by pip / python3 -m build; not a script of its own."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Distribution, setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PRESET = "python"  # CMakePresets.json: Release, no tests, in build/python


class BuildWithLibrary(build_py):
    """build_py, then liburingnet.so (the real file behind the symlinks) and the C extension
    _uringnet_native (built for this interpreter, where Python's headers are installed) into
    the package."""

    def run(self):
        super().run()
        # (Configured each time: the extension is built for the interpreter running this.)
        subprocess.run(["cmake", "--preset", PRESET, f"-DURINGNET_EXTENSION_PYTHON={sys.executable}"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        build = ROOT / "build" / PRESET
        targets = ["uringnet"] + (["uringnet_native"] if "uringnet_native" in _targets(build) else [])
        subprocess.run(["cmake", "--build", "--preset", PRESET, "--target", *targets], cwd=ROOT, check=True)
        package = Path(self.build_lib) / "uringnet"
        package.mkdir(parents=True, exist_ok=True)
        built = [(build / "liburingnet.so").resolve()]
        if len(targets) > 1:
            built += list((build / "python").glob("_uringnet_native*.so"))
        else:
            print("setup.py: Python's headers are missing (python3-dev): the package uses ctypes only")
        for path in built:
            target = package / ("liburingnet.so" if path.name.startswith("liburingnet.so") else path.name)
            shutil.copyfile(path, target)
            if shutil.which("strip"):
                subprocess.run(["strip", "--strip-debug", str(target)], check=True)


def _targets(build: Path) -> str:
    """The build's target list (ninja -t targets): whether CMake configured the extension."""
    return subprocess.run(["cmake", "--build", str(build), "--target", "help"], capture_output=True,
                          text=True).stdout


class BinaryDistribution(Distribution):
    """The package carries a compiled library: its wheel is for this platform."""

    def has_ext_modules(self):
        return True


# (The egg-info goes with the build, not beside the generated module.)
EGG_BASE = ROOT / "build" / PRESET
EGG_BASE.mkdir(parents=True, exist_ok=True)
setup(cmdclass={"build_py": BuildWithLibrary}, distclass=BinaryDistribution,
      options={"egg_info": {"egg_base": os.path.relpath(EGG_BASE, ROOT)}})
