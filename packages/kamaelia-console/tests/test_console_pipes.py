"""ConsoleReader -> ConsoleEchoer as a real program with piped stdin and stdout."""

from __future__ import annotations

import os
import subprocess

import pytest
from conftest import app_command, child_env, close_stdout_after_first_line, run_app


def assert_clean(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert result.stderr == b""


def test_lines_are_echoed_in_order():
    """Each piped line comes out once, in order, with its newline."""
    result = run_app("linked", stdin=b"hello\nworld\n")
    assert_clean(result)
    assert result.stdout == b"hello\nworld\n"


def test_empty_input_ends_cleanly():
    """An empty stdin ends the system at once with no output and no error."""
    result = run_app("linked", stdin=b"")
    assert_clean(result)
    assert result.stdout == b""


def test_last_line_without_newline_is_kept():
    """A final line with no line ending is still sent, with eol added."""
    result = run_app("linked", stdin=b"a\nb")
    assert_clean(result)
    assert result.stdout == b"a\nb\n"


def test_blank_lines_and_crlf():
    """Blank lines survive and CRLF or CR line endings become eol."""
    result = run_app("linked", stdin=b"x\r\n\r\ny\rz\n")
    assert_clean(result)
    assert result.stdout == b"x\n\ny\nz\n"


def test_no_prompt_when_stdin_is_a_pipe():
    """The prompt is not printed when stdin is not a terminal."""
    result = run_app("linked", stdin=b"q\n")
    assert b">>> " not in result.stdout


def test_prompt_when_asked():
    """show_prompt=True prints the prompt before each line, even on a pipe."""
    result = run_app("linked", "--prompt", stdin=b"one\ntwo\n")
    assert_clean(result)
    # Prompts come from the reading thread, lines from the echoer: their
    # interleaving depends on timing, their number and order do not.
    assert result.stdout.count(b">>> ") == 3
    assert result.stdout.replace(b">>> ", b"") == b"one\ntwo\n"


def test_very_long_line():
    """A 5 MB line without a break arrives whole."""
    line = b"0123456789abcdef" * (5 * 1024 * 1024 // 16)
    result = run_app("linked", stdin=line + b"\nend\n")
    assert_clean(result)
    assert result.stdout == line + b"\nend\n"


def test_invalid_utf8_is_replaced():
    """Bytes that are not UTF-8 become U+FFFD and the system carries on."""
    result = run_app("linked", stdin=b"ok\xff\xfe!\n\xc3\xa9t\xc3\xa9\nafter\n")
    assert_clean(result)
    assert result.stdout.decode("utf-8") == "ok\ufffd\ufffd!\nété\nafter\n"


def test_many_lines_survive_backpressure():
    """Fifty thousand lines all arrive, in order, with nothing dropped."""
    data = b"".join(b"line %d\n" % i for i in range(50_000))
    result = run_app("linked", stdin=data)
    assert_clean(result)
    assert result.stdout == data


def test_closed_stdout_ends_quietly():
    """Closing the reading end of stdout (like `| head -1`) ends the program without tracebacks."""
    data = b"".join(b"line %d\n" % i for i in range(200_000))
    first, returncode, stderr = close_stdout_after_first_line("linked", [data])
    assert first == b"line 0\n"
    assert returncode == 0, stderr.decode(errors="replace")
    assert stderr == b""


def test_reader_stops_while_stdin_stays_open():
    """A shutdownMicroprocess stops the reader at once, though its read never returns."""
    proc = subprocess.Popen(
        app_command("stop-after-first"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    try:
        proc.stdin.write(b"only line\n")
        proc.stdin.flush()  # and keep stdin open: the reader blocks in read
        returncode = proc.wait(timeout=15)  # the output is small: no pipe can fill
        out, err = proc.stdout.read(), proc.stderr.read()
    finally:
        proc.kill()
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            pipe.close()
    assert returncode == 0, err.decode(errors="replace")
    assert out == b"only line\n"
    assert err == b""


def read_until(stream, marker: bytes, limit: int = 1000) -> bytes:
    """Read one byte at a time until ``marker`` has been seen (or ``limit`` bytes)."""
    seen = b""
    while marker not in seen and len(seen) < limit:
        byte = stream.read(1)
        if not byte:
            break
        seen += byte
    return seen


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal (POSIX)")
def test_prompt_on_a_terminal():
    """With a terminal as stdin the prompt is printed by default; Ctrl-D ends the input."""
    controller, terminal = os.openpty()
    proc = subprocess.Popen(
        app_command("linked"),
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=child_env(),
    )
    os.close(terminal)
    try:
        os.write(controller, b"typed\n")
        seen = read_until(proc.stdout, b"typed\n")
        os.write(controller, b"\x04")  # Ctrl-D on an empty line: end of input
        returncode = proc.wait(timeout=15)
        out, err = seen + proc.stdout.read(), proc.stderr.read()
    finally:
        proc.kill()
        proc.stdout.close()
        proc.stderr.close()
        os.close(controller)
    assert returncode == 0, err.decode(errors="replace")
    assert err == b""
    # A prompt before the line and one before end of input; the second may
    # come before or after the echoed line (two threads write).
    assert out.startswith(b">>> ")
    assert out.count(b">>> ") == 2
    assert out.replace(b">>> ", b"") == b"typed\n"


def test_closed_stdout_ends_the_system_even_with_endless_input():
    """Like SIGPIPE: once stdout closes, the whole system ends although stdin never does."""
    endless = (b"y\n" * 1000 for _ in range(10_000_000))
    first, returncode, stderr = close_stdout_after_first_line("linked", endless, close_stdin=False)
    assert first == b"y\n"
    assert returncode == 0, stderr.decode(errors="replace")
    assert stderr == b""
