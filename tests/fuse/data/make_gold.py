"""Writes fusion_gold.jsonl (FORMAT.md §4, events with a `cluster`) and fusion_clusters.json.

Each casualty carries `superseded`: whether a later figure from the same claimant (the press's
own voice counts as one claimant across outlets) replaces it. fusion_clusters.json gives, per
real-world event, the accepted range for the fused `best` killed figure.
"""

import json
from pathlib import Path

KABUL_AIRPORT = {
    "country": "Afghanistan",
    "location": "Kabul airport",
    "latitude": 34.5659,
    "longitude": 69.2123,
}
KABUL = {"country": "Afghanistan", "location": "Kabul", "latitude": 34.5281, "longitude": 69.1723}
SHAKAR_DARA = {
    "country": "Afghanistan",
    "location": "Shakar Dara",
    "latitude": 34.66,
    "longitude": 69.05,
}
KRAMATORSK = {
    "country": "Ukraine",
    "location": "Kramatorsk",
    "latitude": 48.7389,
    "longitude": 37.5848,
}
PESHAWAR = {
    "country": "Pakistan",
    "location": "Peshawar",
    "latitude": 34.0151,
    "longitude": 71.5249,
}
GANJA = {"country": "Azerbaijan", "location": "Ganja", "latitude": 40.6828, "longitude": 46.3606}
EXPL = "Explosions/Remote violence"


def ev(cluster, sub, day, place, alts=()):
    return {
        "event_type": EXPL,
        "sub_event_type": sub,
        "date": day,
        "date_alternatives": list(alts),
        **place,
        "cluster": cluster,
    }


def cas(status, low, high=None, claimant=None, kind="unspecified", superseded=False):
    return {
        "status": status,
        "low": low,
        "high": high,
        "claimant": claimant,
        "victim_kind": kind,
        "superseded": superseded,
    }


A, B = "2021-08-26-kabul-airport-bombing", "2021-08-29-kabul-drone-strike"
C, D = "2022-04-08-kramatorsk-station-strike", "2023-01-30-peshawar-mosque-bombing"
E, E2 = "2021-05-08-kabul-school-bombing", "2021-05-14-shakar-dara-mosque-bombing"
F, F2 = "2020-10-11-ganja-missile-strike", "2020-10-17-ganja-missile-strike"
SB, AIR, IED, SHELL = (
    "Suicide bomb",
    "Air/drone strike",
    "Remote explosive/landmine/IED",
    "Shelling/artillery/missile attack",
)

GOLD = {
    "kbl-air-1": (
        [ev(A, SB, "2021-08-26", KABUL_AIRPORT)],
        [
            cas("killed", 60, None, ["officials"], "civilian", True),
            cas("killed", 13, 13, ["officials"], "security_forces"),
            cas("wounded", 140, None, ["Afghan health official"], "civilian"),
            cas("wounded", 18, 18, ["Pentagon"], "security_forces"),
        ],
    ),
    "kbl-air-2": (
        [ev(A, SB, "2021-08-26", KABUL_AIRPORT)],
        [
            cas("killed", 169, None, ["officials"], "civilian"),
            cas("killed", 13, 13, ["officials"], "security_forces"),
        ],
    ),
    "kbl-air-3": (
        [ev(A, SB, "2021-08-26", KABUL_AIRPORT)],
        [cas("killed", 171, None, None, "unspecified")],
    ),
    "kbl-drone-1": (
        [ev(B, AIR, "2021-08-29", KABUL)],
        [cas("killed", 10, 10, ["Relatives"], "civilian", True)],
    ),
    "kbl-drone-2": (
        [ev(B, AIR, "2021-08-29", KABUL), ev(A, SB, "2021-08-26", KABUL_AIRPORT)],
        [cas("killed", 10, 10, ["Pentagon"], "civilian")],
    ),
    "kram-1": (
        [ev(C, SHELL, "2022-04-08", KRAMATORSK)],
        [
            cas("killed", 30, None, ["Ukraine's state railway company"], "unspecified"),
            cas("wounded", 101, None, ["Ukraine's state railway company"], "unspecified"),
        ],
    ),
    "kram-2": (
        [ev(C, SHELL, "2022-04-08", KRAMATORSK)],
        [
            cas(
                "killed",
                52,
                52,
                ["Pavlo Kyrylenko", "Donetsk regional governor"],
                "unspecified",
                True,
            ),
            cas("killed", 5, 5, ["Pavlo Kyrylenko", "Donetsk regional governor"], "civilian"),
        ],
    ),
    "kram-3": (
        [ev(C, SHELL, "2022-04-08", KRAMATORSK)],
        [cas("killed", 57, 57, ["regional governor", "the regional governor"], "unspecified")],
    ),
    "pesh-1": (
        [ev(D, SB, "2023-01-30", PESHAWAR)],
        [
            cas("killed", 28, None, ["officials"], "unspecified", True),
            cas("wounded", 150, 150, ["officials"], "unspecified"),
        ],
    ),
    "pesh-2": (
        [ev(D, SB, "2023-01-30", PESHAWAR)],
        [cas("killed", 100, 100, ["officials"], "unspecified", True)],
    ),
    "pesh-3": (
        [ev(D, SB, "2023-01-30", PESHAWAR)],
        [
            cas("killed", 84, 84, ["Police in Pakistan", "police"], "unspecified"),
            cas("killed", 100, 100, ["Police in Pakistan", "police"], "unspecified"),
        ],
    ),
    "kbl-school-1": (
        [ev(E, IED, "2021-05-08", KABUL)],
        [
            cas("killed", 25, None, ["Tareq Arian"], "unspecified", True),
            cas("wounded", 52, 52, ["Tareq Arian"], "unspecified", True),
        ],
    ),
    "kbl-school-2": (
        [ev(E, IED, "2021-05-08", KABUL)],
        [
            cas("killed", 50, 50, ["officials"], "unspecified"),
            cas("wounded", 101, None, ["officials"], "unspecified"),
        ],
    ),
    "kbl-mosque-1": (
        [ev(E2, IED, "2021-05-14", SHAKAR_DARA)],
        [cas("killed", 12, 12, ["police"], "civilian")],
    ),
    "ganja-1": (
        [ev(F, SHELL, "2020-10-11", GANJA)],
        [
            cas("killed", 7, 7, ["Azerbaijani prosecutor general's office"], "civilian", True),
            cas("wounded", 33, 33, ["Azerbaijani prosecutor general's office"], "civilian"),
        ],
    ),
    "ganja-2": (
        [ev(F, SHELL, "2020-10-11", GANJA)],
        [cas("killed", 10, 10, ["Azerbaijani officials"], "unspecified")],
    ),
    "ganja-3": (
        [ev(F2, SHELL, "2020-10-17", GANJA)],
        [
            cas("killed", 13, 13, ["Azerbaijani officials"], "civilian"),
            cas("wounded", 41, None, ["Azerbaijani officials"], "civilian"),
        ],
    ),
    "ganja-4": (
        [ev(F2, SHELL, "2020-10-17", GANJA)],
        [cas("killed", 13, 13, ["Azerbaijan"], "civilian")],
    ),
}

# Accepted fused best killed figure per real-world event: [lowest, highest] acceptable.
CLUSTERS = {
    A: [169, 184],
    B: [10, 10],
    C: [52, 57],
    D: [84, 84],
    E: [50, 50],
    E2: [12, 12],
    F: [10, 10],
    F2: [13, 13],
}


def main() -> None:
    here = Path(__file__).parent
    docs = {
        json.loads(line)["id"]: json.loads(line) for line in (here / "fusion_docs.jsonl").open()
    }
    with (here / "fusion_gold.jsonl").open("w", encoding="utf-8") as f:
        for doc_id, (events, casualties) in GOLD.items():
            for i, e in enumerate(events, 1):
                e["id"] = f"e{i}"
            line = {
                "doc_id": doc_id,
                "published": docs[doc_id]["published"],
                "events": events,
                "casualties": casualties,
                "not_casualties": [],
            }
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    (here / "fusion_clusters.json").write_text(json.dumps(CLUSTERS, indent=1) + "\n")


if __name__ == "__main__":
    main()
