"""How colours look to people with red-green colour blindness, and how far apart two colours look.

- `simulate(hex, kind)`: the sRGB colour a dichromat sees, by the matrices of Machado, Oliveira and
  Fernandes (2009), "A Physiologically-based Model for Simulation of Color Vision Deficiency",
  IEEE TVCG 15(6), table of severity 1.0, applied in linear RGB.
- `ciede2000(a, b)`: the CIEDE2000 colour difference of two sRGB colours (D65), after Sharma, Wu and
  Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes", whose test pairs
  `tests/test_colour_vision.py` checks.

Test code only: the product's palette is data, these are its examiners.
"""
from __future__ import annotations

import math

MACHADO_2009 = {
    "normal": ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)),
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
}
WHITE_D65 = (0.95047, 1.0, 1.08883)


def rgb(hex_colour: str) -> tuple[float, float, float]:
    """'#rrggbb' as sRGB in 0..1."""
    text = hex_colour.lstrip("#")
    return tuple(int(text[i:i + 2], 16) / 255 for i in (0, 2, 4))


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _gamma(c: float) -> float:
    c = min(1.0, max(0.0, c))
    return 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055


def simulate(colour: tuple[float, float, float], kind: str) -> tuple[float, float, float]:
    """The sRGB colour (0..1) seen with `kind` vision ("normal", "protanopia", "deuteranopia")."""
    linear = [_linear(c) for c in colour]
    return tuple(_gamma(sum(m * c for m, c in zip(row, linear, strict=True))) for row in MACHADO_2009[kind])


def lab(colour: tuple[float, float, float]) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour in 0..1."""
    r, g, b = (_linear(c) for c in colour)
    xyz = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
           0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
           0.0193339 * r + 0.1191920 * g + 0.9503041 * b)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, WHITE_D65, strict=True))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000_lab(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 difference of two L*a*b* colours (kL = kC = kH = 1)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl, dc = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dh_big = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_bar = (h1p + h2p) / 2
    else:
        h_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_bar - 30)) + 0.24 * math.cos(math.radians(2 * h_bar))
         + 0.32 * math.cos(math.radians(3 * h_bar + 6)) - 0.20 * math.cos(math.radians(4 * h_bar - 63)))
    d_theta = 30 * math.exp(-(((h_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar ** 7 / (cp_bar ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c, s_h = 1 + 0.045 * cp_bar, 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (dh_big / s_h) ** 2
                     + r_t * (dc / s_c) * (dh_big / s_h))


def ciede2000(one: str, two: str, kind: str = "normal") -> float:
    """How far apart '#rrggbb' colours `one` and `two` look with `kind` vision (CIEDE2000)."""
    return ciede2000_lab(lab(simulate(rgb(one), kind)), lab(simulate(rgb(two), kind)))


def over(colour: str, opacity: float, ground: str) -> str:
    """'#rrggbb' of `colour` laid at `opacity` over `ground`, blended in sRGB as browsers and Agg do."""
    mixed = (opacity * c + (1 - opacity) * g for c, g in zip(rgb(colour), rgb(ground), strict=True))
    return "#" + "".join(f"{round(m * 255):02x}" for m in mixed)
