"""Zip containers (docx, xlsx) that give the same bytes for the same content."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping


def fixed_zip_times(data: bytes, rewrite: Mapping[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """The same document gives the same bytes: zip entries get a fixed date instead of 'now'.

    `rewrite` maps an entry's name to a function that fixes what its writer stamped inside it.
    """
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(item.filename)
            if rewrite and item.filename in rewrite:
                content = rewrite[item.filename](content)
            out.writestr(info, content)
    return target.getvalue()
