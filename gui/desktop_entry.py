"""``install-desktop``: the .desktop file, AppStream metainfo and icons for the current user, in
the XDG folders (``make install-desktop``; #13), so the app shows in the launcher with its icon.

No Qt here: the files are copied from resources/ (installed as gui.resources), with the
.desktop file's Exec line pointing at the program that ran this command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from model.cli import arguments, command


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME")
    return Path(value) if value else Path.home() / ".local" / "share"


def launcher() -> str:
    """The Exec command: the installed ``thesis-tracker`` script when that is what runs, else
    this Python on main.py (a checkout, ``make install-desktop``)."""
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name.startswith("thesis-tracker"):
        found = shutil.which(str(argv0)) or str(argv0)
        return _quote(str(Path(found).resolve()))
    beside = Path(sys.executable).with_name("thesis-tracker")
    if beside.is_file():
        return _quote(str(beside))
    import main
    return f"{_quote(sys.executable)} {_quote(str(Path(main.__file__).resolve()))}"


def _quote(arg: str) -> str:
    """Quoted as the Desktop Entry spec asks (double quotes; \\ " ` $ escaped)."""
    if all(c.isalnum() or c in "/._-+" for c in arg):
        return arg
    escaped = "".join("\\" + c if c in '\\"`$' else c for c in arg)
    return f'"{escaped}"'


def targets(home: Path) -> dict[str, Path]:
    from gui.assets import DESKTOP_ID
    return {"desktop": home / "applications" / f"{DESKTOP_ID}.desktop",
            "metainfo": home / "metainfo" / f"{DESKTOP_ID}.metainfo.xml",
            "svg": home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg"}


def install(home: Path | None = None) -> list[Path]:
    """Write the files; returns them. Running it again replaces them."""
    from gui.assets import APP_ICON_SIZES, APP_ID, DESKTOP_ID, resource_path
    home = home or data_home()
    where = targets(home)
    desktop = resource_path("desktop", f"{DESKTOP_ID}.desktop").read_text(encoding="utf-8")
    exec_line = f"Exec={launcher()} %f"
    desktop = "\n".join(exec_line if line.startswith("Exec=") else line
                        for line in desktop.splitlines()
                        if not line.startswith("TryExec=")) + "\n"
    written = []
    where["desktop"].parent.mkdir(parents=True, exist_ok=True)
    where["desktop"].write_text(desktop, encoding="utf-8")
    written.append(where["desktop"])
    where["metainfo"].parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource_path("desktop", f"{DESKTOP_ID}.metainfo.xml"), where["metainfo"])
    written.append(where["metainfo"])
    where["svg"].parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource_path("icons", "app", f"{APP_ID}.svg"), where["svg"])
    written.append(where["svg"])
    for size in APP_ICON_SIZES:
        target = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(resource_path("icons", "app", f"{APP_ID}-{size}.png"), target)
        written.append(target)
    _refresh(home)
    return written


def uninstall(home: Path | None = None) -> list[Path]:
    from gui.assets import APP_ICON_SIZES, DESKTOP_ID
    home = home or data_home()
    paths = list(targets(home).values()) + [
        home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"
        for size in APP_ICON_SIZES]
    removed = [p for p in paths if p.exists()]
    for path in removed:
        path.unlink()
    _refresh(home)
    return removed


def _refresh(home: Path) -> None:
    """Tell the desktop's caches, where their tools exist (a missing tool changes nothing:
    launchers also rescan by themselves)."""
    for tool, arg in (("update-desktop-database", home / "applications"),
                      ("gtk-update-icon-cache", home / "icons" / "hicolor")):
        if shutil.which(tool) and arg.exists():
            subprocess.run([tool, "-q", str(arg)] if tool == "update-desktop-database"
                           else [tool, "-q", "-t", str(arg)], check=False,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _args(p):
    p.add_argument("--uninstall", action="store_true", help="remove the files again")


@command("install-desktop", "add Thesis Tracker to your desktop's launcher (Linux and BSD)",
         opens_store=False)
@arguments(_args)
def cmd_install_desktop(_path, args, out):
    """Install the .desktop file, the AppStream metainfo and the app icon (SVG and PNGs from
    16 to 512 pixels) for the current user in $XDG_DATA_HOME (~/.local/share): applications/,
    metainfo/ and icons/hicolor/. The launcher entry starts the program that ran this command.
    --uninstall removes them."""
    out = sys.stdout if out is None else out
    if args.uninstall:
        removed = uninstall()
        print(f"Removed {len(removed)} file(s)." if removed else "Nothing was installed.",
              file=out)
        return 0
    written = install()
    print(f"Installed {written[0]} and the icon ({len(written) - 1} files under "
          f"{data_home()}).", file=out)
    return 0
