"""The people of the sample crisis: ordinary users, influencers, buzzer accounts, news outlets.

All names are invented: first and last names common in Indonesia combined at random, with
the suffixes people really use in handles. Follower counts are log-normal (most accounts are
small, a few are large), which is what makes "top amplifiers" meaningful.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

FIRST = [
    "Rizky",
    "Putri",
    "Dimas",
    "Ayu",
    "Fajar",
    "Sinta",
    "Bagus",
    "Intan",
    "Yoga",
    "Nadia",
    "Arief",
    "Dewi",
    "Eko",
    "Fitri",
    "Galih",
    "Hana",
    "Ilham",
    "Jihan",
    "Kevin",
    "Lestari",
    "Made",
    "Nanda",
    "Oki",
    "Prita",
    "Raka",
    "Salsa",
    "Tegar",
    "Umi",
    "Vina",
    "Wahyu",
    "Yusuf",
    "Zahra",
    "Andre",
    "Bella",
    "Citra",
    "Dani",
    "Erlangga",
    "Farah",
    "Gita",
    "Hendra",
    "Indah",
    "Joko",
    "Kartika",
    "Lukman",
    "Mega",
    "Nur",
    "Okta",
    "Pandu",
    "Ratna",
    "Satria",
    "Tiara",
    "Wulan",
    "Adit",
    "Bunga",
    "Cahya",
    "Dinda",
    "Fikri",
    "Gilang",
    "Kadek",
    "Ketut",
    "Lia",
    "Maya",
    "Nisa",
    "Rani",
    "Reza",
    "Sekar",
    "Teguh",
    "Vino",
    "Winda",
    "Yanti",
]
LAST = [
    "Saputra",
    "Pratama",
    "Wijaya",
    "Lestari",
    "Hidayat",
    "Nugroho",
    "Siregar",
    "Simanjuntak",
    "Kusuma",
    "Rahman",
    "Santoso",
    "Wibowo",
    "Hutapea",
    "Nasution",
    "Permana",
    "Setiawan",
    "Utami",
    "Handayani",
    "Gunawan",
    "Purnomo",
    "Syahputra",
    "Halim",
    "Tanjung",
    "Lubis",
    "Pangaribuan",
    "Situmorang",
    "Sembiring",
    "Harahap",
    "Maulana",
    "Ramadhan",
    "Firmansyah",
    "Anggraini",
    "Puspita",
    "Sari",
    "Wardani",
    "Kurniawan",
    "Suryadi",
    "Hakim",
    "Prasetyo",
    "Iskandar",
]
SUFFIX = ["", "", "_", "__", "x", "id", "official", "zz", "99", "07", "21", "22", "88", "_real"]


@dataclass(frozen=True)
class Author:
    """One account that posts in the sample."""

    handle: str  # without "@"
    name: str
    followers: int
    following: int
    verified: bool = False
    kind: str = "user"  # user, influencer, buzzer, outlet, brand
    account_id: str = ""  # the platform's numeric id


def _handle(rng: random.Random, first: str, last: str) -> str:
    style = rng.random()
    if style < 0.35:
        core = f"{first}{last}".lower()
    elif style < 0.6:
        core = f"{first}_{last}".lower()
    elif style < 0.8:
        core = f"{first.lower()}{last[:3].lower()}"
    else:
        core = f"{first.lower()}{rng.randrange(10, 9999)}"
    return (core + rng.choice(SUFFIX))[:15]


def _account_id(rng: random.Random) -> str:
    return str(rng.randrange(10**9, 10**18))


def make_users(rng: random.Random, count: int) -> list[Author]:
    """Ordinary accounts with log-normal follower counts (median about 400)."""
    users: list[Author] = []
    seen: set[str] = set()
    while len(users) < count:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        handle = _handle(rng, first, last)
        if handle in seen:
            continue
        seen.add(handle)
        followers = int(math.exp(rng.gauss(6.0, 1.5)))
        following = int(math.exp(rng.gauss(5.8, 0.9)))
        users.append(
            Author(handle, f"{first} {last}", followers, following, account_id=_account_id(rng))
        )
    return users


INFLUENCERS = [
    # handle, display name, followers, platform where they are strongest
    ("kangtekno", "Kang Tekno", 1_450_000, "x"),
    ("finansialsehat.id", "Finansial Sehat", 820_000, "instagram"),
    ("mbakrantiviral", "Ranti Viral", 2_100_000, "tiktok"),
    ("dionpolitikus", "Dion Harahap", 610_000, "x"),
    ("ceritakonsumen", "Cerita Konsumen", 390_000, "x"),
    ("duitbijak", "Duit Bijak", 270_000, "instagram"),
]


def make_influencers(rng: random.Random) -> list[Author]:
    """High-follower accounts that amplify the crisis (all invented)."""
    return [
        Author(
            handle,
            name,
            followers,
            rng.randrange(200, 2000),
            verified=True,
            kind="influencer",
            account_id=_account_id(rng),
        )
        for handle, name, followers, _platform in INFLUENCERS
    ]


def make_buzzers(rng: random.Random, count: int) -> list[Author]:
    """Tiny, fresh accounts of a paid copy-paste campaign: few followers, numeric handles."""
    buzzers = []
    for i in range(count):
        first = rng.choice(FIRST)
        handle = f"{first.lower()}{rng.randrange(10_000_000, 99_999_999)}"
        buzzers.append(
            Author(
                handle,
                first,
                rng.randrange(0, 40),
                rng.randrange(50, 400),
                kind="buzzer",
                account_id=str(1_980_000_000_000_000_000 + i * 7919 + rng.randrange(7919)),
            )
        )
    return buzzers


OUTLETS = [
    # domain, name, monthly visitors (reach); invented outlets
    ("kabarfintek-nusantara.example", "Kabar Fintek Nusantara", 4_200_000),
    ("warta-ekonomi-digital.example", "Warta Ekonomi Digital", 9_800_000),
    ("harian-metropolis.example", "Harian Metropolis", 15_500_000),
    ("teknoseru.example", "TeknoSeru", 2_300_000),
    ("suara-konsumen.example", "Suara Konsumen", 1_100_000),
]
FORUMS = [("forumnusa.example", "Forum Nusa", 3_400_000)]


def brand_accounts() -> dict[str, Author]:
    """The brand's official accounts, by platform (the care handle under ``care``)."""
    return {
        "x": Author("NusaPay", "NusaPay", 312_000, 120, True, "brand", "1400000000000000001"),
        "care": Author(
            "NusaPayCare", "NusaPay Care", 58_000, 40, True, "brand", "1400000000000000002"
        ),
        "instagram": Author(
            "nusapay.id", "NusaPay", 540_000, 80, True, "brand", "17841400000000001"
        ),
        "facebook": Author("NusaPay", "NusaPay", 1_200_000, 0, True, "brand", "100064000000001"),
        "tiktok": Author(
            "nusapay.id", "NusaPay", 260_000, 10, True, "brand", "6800000000000000001"
        ),
    }
