"""Zip containers (docx, xlsx) that give the same bytes for the same content."""

from __future__ import annotations

import io


def fixed_zip_times(data: bytes) -> bytes:
    """The same document gives the same bytes: zip entries get a fixed date instead of 'now'."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    target = io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, source.read(item.filename))
    return target.getvalue()
