"""A disk that refuses writes as a real server's would, also when the tests run as root (CI does).

Root passes every permission check through two capabilities, CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH; without
them root is held to the mode bits like anyone else (as the owner of its own files). So a read-only file or folder
is made with chmod, and the code under test runs without those two capabilities: a CLI child has them dropped from
its bounding set before exec (`zonder_rootrechten`, a preexec_fn), a page's script thread inherits them dropped
from the test's thread (`geen_rootrechten`, in-process, undone afterwards). For an ordinary user both do nothing:
chmod already bites. A full disk is a file size limit (RLIMIT_FSIZE): every write beyond it fails with EFBIG, as a
write to a full disk fails with ENOSPC (Python ignores the SIGXFSZ that comes with it).
"""

from __future__ import annotations

import ctypes
import os
import resource
from collections.abc import Callable, Iterator
from contextlib import contextmanager

CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2
PR_CAPBSET_DROP = 24
CAPABILITY_VERSIE_3 = 0x20080522
_libc = ctypes.CDLL(None, use_errno=True)


class _Kop(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _Rechten(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def _gelukt(resultaat: int, wat: str) -> None:
    if resultaat != 0:
        fout = ctypes.get_errno()
        raise OSError(fout, f"{wat}: {os.strerror(fout)}")


def zonder_rootrechten() -> None:
    """preexec_fn: the child (and what it starts) is held to the mode bits, also as root."""
    if os.geteuid() == 0:
        for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            _gelukt(_libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0), "prctl(PR_CAPBSET_DROP)")


@contextmanager
def geen_rootrechten() -> Iterator[None]:
    """This thread, and every thread it starts meanwhile (AppTest runs each script run in a new one), is held to
    the mode bits; the capabilities stay permitted, so they come back afterwards."""
    if os.geteuid() != 0:
        yield
        return
    kop, rechten = _Kop(CAPABILITY_VERSIE_3, 0), (_Rechten * 2)()
    _gelukt(_libc.capget(ctypes.byref(kop), rechten), "capget")
    bewaard = rechten[0].effective
    rechten[0].effective &= ~((1 << CAP_DAC_OVERRIDE) | (1 << CAP_DAC_READ_SEARCH))
    _gelukt(_libc.capset(ctypes.byref(kop), rechten), "capset")
    try:
        yield
    finally:
        rechten[0].effective = bewaard
        _gelukt(_libc.capset(ctypes.byref(kop), rechten), "capset")


def schijf_vol_na(grens: int) -> Callable[[], None]:
    """preexec_fn: no file of the child can grow past `grens` bytes, as if the disk filled up there; also held to
    the mode bits, so both can be combined with one preexec_fn."""

    def beperk() -> None:
        zonder_rootrechten()
        resource.setrlimit(resource.RLIMIT_FSIZE, (grens, resource.RLIM_INFINITY))

    return beperk


@contextmanager
def schijf_vol(grens: int) -> Iterator[None]:
    """In-process: no file of this process can grow past `grens` bytes meanwhile (a page's load in its thread)."""
    zacht, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (grens, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (zacht, hard))
