"""The one entry point for Kamaelia 2's tests, lint, types, docs and benchmarks.

`nox -l` lists the sessions; plain `nox` runs the CI set (see `nox.options.sessions`).

Every directory `packages/<dir>/` holding a `pyproject.toml` is a package, unless
its name starts with `_` (`packages/_template` is the skeleton, tested by its own
session). Each package is tested *alone*: its session installs the built wheel of
that package with its `test` extra plus, by local path, only the packages of ours it
declares (transitively). Everything else comes from the package index.
"""

from __future__ import annotations

import configparser
import glob
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import nox
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

if sys.version_info >= (3, 11):
    import tomllib
else:  # nox itself depends on tomli on 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent
PACKAGES_DIR = ROOT / "packages"
TEMPLATE_DIR = PACKAGES_DIR / "_template"
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]
INTEGRATION_PYTHONS = ["3.11", "3.13"]

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = [
    "tests",
    "integration",
    "template",
    "quickstart",
    "build",
    "lowest",
    "lint",
    "typecheck",
    "docs",
]
# Interpreters come from the machine; nothing but packages is downloaded.
nox.options.download_python = "never"
os.environ["UV_PYTHON_DOWNLOADS"] = "never"


# --------------------------------------------------------------------------- interpreters


def _runs(executable: str) -> bool:
    """True if `executable` starts (a pyenv shim for an inactive version does not)."""
    try:
        done = subprocess.run(
            [executable, "-c", "pass"], capture_output=True, timeout=30, check=False
        )
    except OSError:
        return False
    return done.returncode == 0


def _pyenv_root() -> Path | None:
    if root := os.environ.get("PYENV_ROOT"):
        return Path(root)
    if pyenv := shutil.which("pyenv"):
        done = subprocess.run([pyenv, "root"], capture_output=True, text=True, check=False)
        if done.returncode == 0 and done.stdout.strip():
            return Path(done.stdout.strip())
    fallback = Path.home() / ".pyenv"
    return fallback if fallback.is_dir() else None


def _newest_pyenv_bin(root: Path, version: str) -> Path | None:
    """The bin dir of the newest installed `version.N` (plain CPython releases only)."""
    pattern = re.compile(rf"^{re.escape(version)}\.(\d+)$")
    found = []
    for path in glob.glob(str(root / "versions" / f"{version}.*")):
        match = pattern.match(Path(path).name)
        if match and (Path(path) / "bin" / f"python{version}").exists():
            found.append((int(match.group(1)), Path(path) / "bin"))
    return max(found)[1] if found else None


def _expose_pyenv_interpreters(versions: Iterable[str]) -> None:
    """Put pyenv's `python3.X` ahead on PATH for each version PATH cannot run.

    pyenv only activates its global version, and its shims for the other versions
    exist but fail, so nox (and uv) would report those interpreters missing - an
    error when CI is set. Only the bin dirs of missing versions are prepended.
    """
    root = None
    for version in versions:
        on_path = shutil.which(f"python{version}")
        if on_path and _runs(on_path):
            continue
        root = root or _pyenv_root()
        bin_dir = _newest_pyenv_bin(root, version) if root else None
        if bin_dir is not None:
            os.environ["PATH"] = os.pathsep.join([str(bin_dir), os.environ.get("PATH", "")])


_expose_pyenv_interpreters(PYTHONS)


# --------------------------------------------------------------------------- packages


@dataclass(frozen=True)
class Package:
    """One `packages/<dir>/pyproject.toml`, reduced to what installing it needs."""

    dir: str
    name: str  # canonical distribution name
    version: str
    requires: tuple[Requirement, ...]
    extras: dict[str, tuple[Requirement, ...]] = field(hash=False)

    @property
    def path(self) -> Path:
        return PACKAGES_DIR / self.dir

    @classmethod
    def load(cls, pyproject: Path) -> Package:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        project = data["project"]
        optional = project.get("optional-dependencies", {})
        return cls(
            dir=pyproject.parent.name,
            name=canonicalize_name(project["name"]),
            version=project.get("version", "0"),
            requires=tuple(Requirement(r) for r in project.get("dependencies", [])),
            extras={
                canonicalize_name(k): tuple(Requirement(r) for r in v) for k, v in optional.items()
            },
        )


def _discover() -> dict[str, Package]:
    found = [Package.load(p) for p in sorted(PACKAGES_DIR.glob("*/pyproject.toml"))]
    return {p.dir: p for p in found if not p.dir.startswith("_")}


PACKAGES = _discover()
BY_NAME = {p.name: p for p in PACKAGES.values()}


Roots = Iterable[tuple[Package, frozenset[str]]]


def _requires(pkg: Package, extras: Iterable[str]) -> list[Requirement]:
    """What `pkg` with `extras` declares it needs."""
    reqs = list(pkg.requires)
    for extra in extras:
        if extra not in pkg.extras:
            raise ValueError(f"{pkg.name} has no extra {extra!r}; it has {sorted(pkg.extras)}")
        reqs.extend(pkg.extras[extra])
    return reqs


def _closure(roots: Roots) -> dict[Path, tuple[str, set[str]]]:
    """Package path -> (name, extras), for `roots` and every package of ours they declare.

    Walks `dependencies` plus the requested extras; a requirement naming one of our
    packages pulls in that package with the extras it asks for, transitively.
    """
    wanted: dict[Path, tuple[str, set[str]]] = {}
    todo = [(pkg, set(extras)) for pkg, extras in roots]
    while todo:
        pkg, extras = todo.pop()
        _, have = wanted.get(pkg.path, (pkg.name, None))
        if have is not None and extras <= have:
            continue
        wanted[pkg.path] = (pkg.name, (have or set()) | extras)
        for req in _requires(pkg, extras):
            dep = BY_NAME.get(canonicalize_name(req.name))
            if dep is None:
                continue
            if not req.specifier.contains(dep.version, prereleases=True):
                raise ValueError(
                    f"{pkg.name} requires {req}, but packages/{dep.dir} is version {dep.version}"
                )
            todo.append((dep, {canonicalize_name(e) for e in req.extras}))
    return wanted


def _install_ours(session: nox.Session, roots: Roots, *extra: str) -> None:
    """Install built wheels (not editable) of `roots` and their local closure, plus `extra`.

    Everything goes into ONE pip/uv command so the resolver satisfies `kamaelia-*`
    from the checkout and never from the index (where kamaelia-axon 1.14.32 lives).
    """
    try:
        closure = _closure(roots)
    except ValueError as error:
        session.error(str(error))
    specs, names = [], []
    for path, (name, extras) in sorted(closure.items()):
        spec = f"./{path.relative_to(ROOT).as_posix()}"
        specs.append(spec + (f"[{','.join(sorted(extras))}]" if extras else ""))
        names.append(name)
    options = []
    if session.venv_backend == "uv":
        # A reused venv (`nox -r`) already "has" our names; always take the checkout.
        options = [arg for name in names for arg in ("--reinstall-package", name)]
    session.install(*specs, *extra, *options)


def _everything(extras: frozenset[str] = frozenset()) -> list[tuple[Package, frozenset[str]]]:
    return [(p, extras & frozenset(p.extras)) for p in PACKAGES.values()]


TEST = frozenset({"test"})


# --------------------------------------------------------------------------- sessions


@nox.session(python=PYTHONS)
@nox.parametrize("package", list(PACKAGES), ids=list(PACKAGES))
def tests(session: nox.Session, package: str) -> None:
    """One package installed alone, with only what it declares, then its own pytest suite."""
    pkg = PACKAGES[package]
    _install_ours(session, [(pkg, TEST & frozenset(pkg.extras))])
    session.chdir(pkg.path)
    session.run("pytest", *session.posargs)


@nox.session(python=INTEGRATION_PYTHONS)
def integration(session: nox.Session) -> None:
    """All packages installed together; every package's tests, then tests/integration."""
    _install_ours(session, _everything(TEST))
    for pkg in PACKAGES.values():
        session.chdir(pkg.path)
        session.run("pytest", *session.posargs)
    session.chdir(ROOT)
    if (ROOT / "tests" / "integration").is_dir():
        session.run("pytest", "tests/integration", *session.posargs)


@nox.session(python=PYTHONS[0], venv_backend="uv")
@nox.parametrize("package", list(PACKAGES), ids=list(PACKAGES))
def lowest(session: nox.Session, package: str) -> None:
    """One package's tests against the lowest versions its ranges allow, on the oldest Python.

    Every third-party requirement of the package and of our packages it pulls in is
    passed to uv directly, so `--resolution lowest-direct` takes each range's floor.
    Our own packages come from this checkout (none is released yet, so the floor
    of a `kamaelia-axon>=2.0.0a1` range is the checkout's version).
    """
    pkg = PACKAGES[package]
    roots = [(pkg, TEST & frozenset(pkg.extras))]
    floors = sorted(
        {
            str(req)
            for name, extras in _closure(roots).values()
            for req in _requires(BY_NAME[name], extras)
            if canonicalize_name(req.name) not in BY_NAME
        }
    )
    _install_ours(session, roots, *floors, "--resolution", "lowest-direct")
    session.run("uv", "pip", "list", silent=False)
    session.chdir(pkg.path)
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHONS[0])
def template(session: nox.Session) -> None:
    """The plugin template installs next to axon and passes its own tests."""
    pyproject = TEMPLATE_DIR / "pyproject.toml"
    if not pyproject.is_file():
        session.error(f"{pyproject} is missing")
    tpl = Package.load(pyproject)
    _install_ours(session, [(tpl, TEST)])
    session.chdir(tpl.path)
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff check and ruff format --check over the whole repository."""
    session.install("ruff")
    # --config: one rule set for every package, even one that carries its own table.
    session.run("ruff", "check", "--config", "ruff.toml", ".", *session.posargs)
    session.run("ruff", "format", "--config", "ruff.toml", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on every package's src and the template.

    mypy.ini holds the narrow per-module exceptions (third-party modules without types).
    """
    _install_ours(session, _everything(TEST), "mypy")
    src_dirs = [p.path / "src" for p in PACKAGES.values() if (p.path / "src").is_dir()]
    env = {"MYPYPATH": os.pathsep.join(str(d) for d in src_dirs)}
    strict = [
        "mypy",
        "--strict",
        "--config-file",
        "mypy.ini",
        "--python-version",
        "3.10",
        "--namespace-packages",
        "--explicit-package-bases",
    ]
    if "axon" in PACKAGES:
        session.run(*strict, "-p", "Axon", env=env)
        # The template is what plugin authors copy, so it is held to the same standard.
        template_src = (TEMPLATE_DIR / "src").relative_to(ROOT).as_posix()
        template_env = {"MYPYPATH": os.pathsep.join([env["MYPYPATH"], template_src])}
        session.run(*strict, template_src, env=template_env)
    others = [
        (p.path / "src").relative_to(ROOT).as_posix()
        for p in PACKAGES.values()
        if p.dir != "axon" and (p.path / "src").is_dir()
    ]
    if others:
        session.run(*strict, *others, env=env)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the mkdocs site with --strict (warnings, broken links and refs fail)."""
    config = ROOT / "docs" / "mkdocs.yml"
    if not config.is_file():
        session.skip("docs/mkdocs.yml not written yet")
    _install_ours(session, _everything(), "mkdocs-material", "mkdocstrings[python]")
    site = Path(session.create_tmp()).resolve() / "site"
    session.run("mkdocs", "build", "--strict", "-f", str(config), "-d", str(site))


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Benchmarks against Kamaelia 1.14.32 and asyncio: `nox -s bench -- --help`."""
    script = ROOT / "benchmarks" / "run.py"
    if not script.is_file():
        session.error("benchmarks/run.py does not exist")
    _install_ours(session, _everything())
    session.install("uvloop")  # the asyncio Protocol server is also measured on uvloop
    session.run("python", str(script), *session.posargs)


# --------------------------------------------------------------------------- 1.x compatibility
# Opt-in: they need a checkout of the original Kamaelia repository, given as an argument.


@nox.session(python="3.11", default=False)
def upstream_examples(session: nox.Session) -> None:
    """The 1.x example programs, run as a 1.x user would: `-- EXAMPLES_DIR [--compare F]`."""
    if not session.posargs:
        session.error(
            "give the 1.x Code/Python/Kamaelia/Examples folder: nox -s upstream_examples -- DIR"
        )
    _install_ours(session, _everything())
    session.run("python", str(ROOT / "tools" / "upstream_examples.py"), *session.posargs)


@nox.session(python="3.11", default=False)
def upstream_tests(session: nox.Session) -> None:
    """The 1.x unit tests (Axon, Chassis), converted and run: `-- TESTS_DIR`."""
    if not session.posargs:
        session.error("give the 1.x Tests/Python folder: nox -s upstream_tests -- DIR")
    _install_ours(session, _everything(), "pytest", "pytest-timeout")
    session.run("python", str(ROOT / "tools" / "upstream_tests.py"), *session.posargs)


# --------------------------------------------------------------------------- quick start

# The tour's section headers and the echo it ends with (tests/integration checks it all).
TOUR_SAYS = ["== 1. Pipeline", "== 2. Graphline", "== 3. A TCP echo server", "server echoed: pong"]


def _quick_start() -> tuple[str, str]:
    """README's quick start: the (install-and-tour, run-the-tests) lines of its first block."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    tour, tests = block.strip().splitlines()
    return tour, tests


def _stdlib_marker(python: str) -> Path:
    """Where `python`'s pip looks for PEP 668's EXTERNALLY-MANAGED file."""
    done = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(done.stdout.strip()) / "EXTERNALLY-MANAGED"


def _externally_managed_python(session: nox.Session, tmp: Path) -> Path:
    """A Python whose pip refuses to install outside a venv (PEP 668).

    Debian's /usr/bin/python3 when it is one; otherwise a copy of this interpreter
    (its executable, standard library and libpython only, so a /usr install is no
    bigger to copy than a private one) given pip and the marker file.
    """
    system = Path("/usr/bin/python3")
    if system.exists() and _stdlib_marker(str(system)).is_file():
        session.log(f"PEP 668 Python: {system}")
        return system
    base = Path(sys.base_prefix)
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    copy = tmp / "python"
    (copy / "bin").mkdir(parents=True)
    python = copy / "bin" / f"python{version}"
    shutil.copy2(Path(sys._base_executable).resolve(), python)  # the real binary, not a venv's
    skipped = shutil.ignore_patterns("site-packages", "dist-packages", "test", "__pycache__")
    shutil.copytree(
        base / "lib" / f"python{version}", copy / "lib" / f"python{version}", ignore=skipped
    )
    for library in (base / "lib").glob(f"libpython{version}*"):
        shutil.copy2(library, copy / "lib" / library.name)
    session.run(str(python), "-m", "ensurepip", "--default-pip", external=True, silent=True)
    _stdlib_marker(str(python)).write_text(
        "[externally-managed]\nError=simulated by nox -s quickstart\n", encoding="utf-8"
    )
    session.log(f"PEP 668 Python: a copy of {base} with the marker file")
    return python


@nox.session(venv_backend="none")
def quickstart(session: nox.Session) -> None:
    """README's quick start, in a fresh clone of HEAD, with a PEP 668 `python3`.

    Line 1 must install and run the tour; line 2 (which .ci/run must run exactly)
    must set up nox - it runs with `-l` here, as the full matrix is CI's own job.
    """
    tour, tests = _quick_start()
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    if ci_run != tests:
        session.error(f".ci/run runs {ci_run!r}, but README's test line is {tests!r}")
    tmp = Path(session.create_tmp()).resolve() / "quickstart"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    python = _externally_managed_python(session, tmp)
    bin_dir = tmp / "bin"  # `python3` and `python` on PATH are the PEP 668 one
    bin_dir.mkdir()
    for name in ("python3", "python"):
        (bin_dir / name).symlink_to(python)
    env = {
        "PATH": os.pathsep.join([str(bin_dir), os.environ["PATH"]]),
        "VIRTUAL_ENV": None,
        "PIP_USER": None,
        "PIP_BREAK_SYSTEM_PACKAGES": None,
        "SDL_VIDEODRIVER": "dummy",
    }
    refused = subprocess.run(
        ["python3", "-m", "pip", "install", "--dry-run", "nox"],
        env=_environ(env),
        capture_output=True,
        text=True,
        check=False,
    )
    if "externally-managed-environment" not in refused.stdout + refused.stderr:
        session.error(f"{python} is not externally managed:\n{refused.stderr}")
    clone = tmp / "clone"
    session.run("git", "clone", "--quiet", str(ROOT), str(clone), external=True)
    session.chdir(clone)
    said = session.run(
        "bash", "-c", tour, env=_environ(env), include_outer_env=False, external=True, silent=True
    )
    missing = [line for line in TOUR_SAYS if line not in str(said)]
    if missing:
        session.error(f"the tour did not print {missing}:\n{said}")
    listed = session.run(
        "bash",
        "-c",
        tests + " -l",
        env=_environ(env),
        include_outer_env=False,
        external=True,
        silent=True,
    )
    if "* tests-" not in str(listed):
        session.error(f"`{tests} -l` did not list the test sessions:\n{listed}")


def _environ(changes: dict[str, str | None]) -> dict[str, str]:
    """os.environ with `changes` applied (None removes a variable)."""
    env = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


# --------------------------------------------------------------------------- releases


def _declared_entry_points(pkg: Package) -> dict[str, dict[str, str]]:
    """Entry-point group -> {name: target} from the package's pyproject.toml."""
    project = tomllib.loads((pkg.path / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = dict(project.get("entry-points", {}))
    if project.get("scripts"):
        groups["console_scripts"] = project["scripts"]
    return {group: dict(points) for group, points in groups.items()}


def _wheel_entry_points(wheel: Path) -> dict[str, dict[str, str]]:
    """Entry-point group -> {name: target} as written into the wheel."""
    with zipfile.ZipFile(wheel) as archive:
        names = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
        text = archive.read(names[0]).decode("utf-8") if names else ""
    parser = configparser.ConfigParser(delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keep names' case
    parser.read_string(text)
    return {group: dict(parser[group]) for group in parser.sections()}


def _check_sdist(session: nox.Session, sdist: Path) -> None:
    with tarfile.open(sdist) as archive:
        members = {
            Path(name).relative_to(Path(name).parts[0]).as_posix()
            for name in archive.getnames()
            if len(Path(name).parts) > 1
        }
    missing = {"pyproject.toml", "README.md", "CHANGELOG.md"} - members
    if missing:
        session.error(f"{sdist.name} lacks {sorted(missing)}")


def _check_alone(session: nox.Session, pkg: Package, wheels: dict[str, Path], tmp: Path) -> None:
    """Install `pkg`'s wheel (and our wheels it depends on) into a fresh venv, then use it.

    Every `kamaelia` entry point installed must load, and `kamaelia list` (with
    kamaelia-chassis added for the command, if `pkg` does not bring it) must show it.
    """
    venv = tmp / f"alone-{pkg.dir}"
    shutil.rmtree(venv, ignore_errors=True)
    session.run("uv", "venv", "--quiet", "-p", str(Path(session.bin) / "python"), str(venv))
    python = str(venv / "bin" / "python")
    ours = [wheels[name] for name, _ in _closure([(pkg, frozenset())]).values()]
    session.run("uv", "pip", "install", "--quiet", "-p", python, *map(str, ours))
    load = (
        "from importlib.metadata import entry_points\n"
        "for ep in entry_points(group='kamaelia'):\n"
        "    ep.load()\n"
        "    print(ep.dist.name, ep.dist.version, ep.name)\n"
    )
    loaded = session.run(python, "-c", load, silent=True, external=True) or ""
    if not loaded.strip():
        return  # axon alone: the contract, no components of its own
    chassis = wheels["kamaelia-chassis"]  # the `kamaelia` command
    session.run("uv", "pip", "install", "--quiet", "-p", python, str(chassis), *map(str, ours))
    listed = session.run(str(venv / "bin" / "kamaelia"), "list", silent=True, external=True) or ""
    for line in loaded.strip().splitlines():
        dist, version, name = line.split()
        if f"{dist} {version}  [entry point '{name}'" not in listed:
            session.error(f"`kamaelia list` next to {pkg.name} does not show {line}:\n{listed}")


@nox.session(python=PYTHONS[-1])
def build(session: nox.Session) -> None:
    """Build every package's sdist and wheel and check them as a release would.

    The wheel is built from the sdist (so the sdist is complete); then twine checks
    metadata and README rendering, the wheel's entry points must be the ones its
    pyproject.toml declares, and each wheel installs alone in a fresh venv where
    `kamaelia list` shows what it registers.
    """
    session.install("uv", "twine", "packaging")
    dist = Path(session.create_tmp()).resolve() / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    packages = [*PACKAGES.values(), Package.load(TEMPLATE_DIR / "pyproject.toml")]
    for pkg in packages:
        session.run("uv", "build", "--quiet", "--out-dir", str(dist), str(pkg.path))
    session.run(
        "twine",
        "check",
        "--strict",
        *map(str, sorted(dist.glob("*.whl")) + sorted(dist.glob("*.tar.gz"))),
    )
    wheels = {}
    for pkg in packages:
        stem = f"{pkg.name.replace('-', '_')}-{pkg.version}"
        wheel = dist / f"{stem}-py3-none-any.whl"
        sdist = dist / f"{stem}.tar.gz"
        for built in (wheel, sdist):
            if not built.is_file():
                session.error(f"{pkg.dir} did not build {built.name}")
        if _wheel_entry_points(wheel) != _declared_entry_points(pkg):
            session.error(f"{wheel.name} entry points differ from {pkg.dir}/pyproject.toml")
        _check_sdist(session, sdist)
        if f"{pkg.version}" not in (pkg.path / "CHANGELOG.md").read_text(encoding="utf-8"):
            session.error(f"{pkg.dir}/CHANGELOG.md has no entry for version {pkg.version}")
        wheels[pkg.name] = wheel
    for pkg in packages:
        _check_alone(session, pkg, wheels, dist.parent)
