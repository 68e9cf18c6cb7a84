#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Prints what a PNG shows, for a test to judge whether a screenshot is
blank: "WIDTH HEIGHT COLOURS MARKED", where COLOURS is how many distinct
colours its pixels have and MARKED how many pixels differ from the most
common colour (the background). 8-bit RGB and RGBA, not interlaced: what
chromium's --screenshot writes."""

import collections
import struct
import sys
import zlib


def rows(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit("not a PNG")
    at, idat, header = 8, b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace != 0:
        sys.exit(f"unexpected PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    size = 3 if colour == 2 else 4
    raw, stride, previous = zlib.decompress(idat), width * size, bytearray(width * size)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for x in range(stride):
            left = line[x - size] if x >= size else 0
            up, corner = previous[x], previous[x - size] if x >= size else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                line[x] = (line[x] + near[2]) & 255
        previous = line
        yield width, height, [bytes(line[x:x + size]) for x in range(0, stride, size)]


def main():
    counts, width, height = collections.Counter(), 0, 0
    with open(sys.argv[1], "rb") as png:
        for width, height, pixels in rows(png.read()):
            counts.update(pixels)
    background = counts.most_common(1)[0][1] if counts else 0
    print(width, height, len(counts), sum(counts.values()) - background)


if __name__ == "__main__":
    main()
