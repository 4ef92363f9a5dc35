"""What a screenshot shows: its pixels, decoded here rather than by the browser that took it.

Chromium writes 8-bit, non-interlaced RGB (or RGBA) PNGs; that is all ``read_png``
reads, with zlib and numpy, so the checks need no imaging library. Four of the five
PNG row filters are vectorised; Average and Paeth depend on the byte to their left
and run byte by byte (about a millisecond a row of a 1280-pixel screenshot).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
import numpy.typing as npt

Pixels = npt.NDArray[np.uint8]  # height x width x 3 (RGB)
Colour = tuple[int, int, int]

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {2: 3, 6: 4}  # PNG colour type: RGB, RGBA


def read_png(path: Path) -> Pixels:
    """The RGB pixels of the PNG at ``path`` (alpha, if any, dropped)."""
    data = path.read_bytes()
    if not data.startswith(_SIGNATURE):
        raise ValueError(f"{path}: not a PNG file")
    width, height, depth, colour_type, interlace, idat = _chunks(data)
    if depth != 8 or colour_type not in _CHANNELS or interlace:
        raise ValueError(
            f"{path}: bit depth {depth}, colour type {colour_type}, interlace {interlace}; "
            "only 8-bit non-interlaced RGB or RGBA is read (what Chromium writes)"
        )
    channels = _CHANNELS[colour_type]
    stride = width * channels
    rows = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(height, stride + 1)
    pixels = np.empty((height, stride), dtype=np.uint8)
    prior = np.zeros(stride, dtype=np.uint8)
    for y in range(height):
        prior = pixels[y] = _unfilter(int(rows[y, 0]), rows[y, 1:], prior, channels)
    return pixels.reshape(height, width, channels)[:, :, :3]


def dominant_colour(pixels: Pixels) -> Colour:
    """The colour most pixels have."""
    packed = (pixels[..., 0].astype(np.uint32) << 16) | (pixels[..., 1].astype(np.uint32) << 8)
    packed |= pixels[..., 2]
    values, counts = np.unique(packed, return_counts=True)
    top = int(values[np.argmax(counts)])
    return (top >> 16) & 255, (top >> 8) & 255, top & 255


def mean_luminance(pixels: Pixels) -> float:
    """Mean relative luminance on 0-1 (Rec. 709 weights on the sRGB values)."""
    weights = np.array([0.2126, 0.7152, 0.0722])
    return float((pixels.reshape(-1, 3) @ weights).mean() / 255)


def luminance(colour: Colour) -> float:
    """``mean_luminance`` of one colour."""
    red, green, blue = colour
    return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255


def colour_distance(first: Colour, second: Colour) -> int:
    """The largest difference in any channel."""
    return max(abs(a - b) for a, b in zip(first, second, strict=True))


def _chunks(data: bytes) -> tuple[int, int, int, int, int, bytes]:
    position, idat, header = len(_SIGNATURE), [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat.append(body)
        position += 12 + length  # length, type, body, CRC
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    return width, height, depth, colour_type, interlace, b"".join(idat)


def _unfilter(kind: int, line: Pixels, prior: Pixels, channels: int) -> Pixels:
    if kind == 0:  # None
        return line
    if kind == 1:  # Sub: a running sum along the row, per channel (uint8 wraps mod 256)
        return np.cumsum(line.reshape(-1, channels), axis=0, dtype=np.uint8).reshape(-1)
    if kind == 2:  # Up
        return line + prior
    if kind in (3, 4):
        row = _unfilter_left(kind, line.tobytes(), prior.tobytes(), channels)
        return np.frombuffer(row, dtype=np.uint8)
    raise ValueError(f"unknown PNG filter type {kind}")


def _unfilter_left(kind: int, line: bytes, prior: bytes, channels: int) -> bytes:
    """Average (3) or Paeth (4): each byte needs the decoded byte ``channels`` to its left."""
    row = bytearray(line)
    for i in range(len(row)):
        left = row[i - channels] if i >= channels else 0
        above = prior[i]
        if kind == 3:
            row[i] = (row[i] + ((left + above) >> 1)) & 255
            continue
        corner = prior[i - channels] if i >= channels else 0
        to_left, to_above = abs(above - corner), abs(left - corner)
        to_corner = abs(left + above - 2 * corner)
        if to_left <= to_above and to_left <= to_corner:
            predicted = left
        elif to_above <= to_corner:
            predicted = above
        else:
            predicted = corner
        row[i] = (row[i] + predicted) & 255
    return bytes(row)
