"""Measure the gazetteer on ACLED-coded events: resolve each gold `location` and compare coordinates.

Two settings: "location+country+admin1" (the gold country and admin1 as hints) and "location+country"
(the way an extractor sees it: the place name and the article's country). Prints the share resolved,
the share within 20 and 50 km of the gold point, and the mean and median error in km.

    .venv/bin/python scripts/geo_check.py [--gold PATH] [--worst N]
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import time
from pathlib import Path

from sitrep.extract.geo import Gazetteer

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "external" / "acled.gold.jsonl"


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def gold_events(path: Path) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            for event in json.loads(line).get("events") or []:
                if event.get("location") and event.get("latitude") is not None:
                    out.append(event)
    return out


def run(
    gaz: Gazetteer, events: list[dict], with_admin1: bool, worst: int, fallback: bool = False
) -> dict[str, float]:
    errors: list[float] = []
    misses: list[tuple[float, str]] = []
    resolved = country_ok = 0
    t0 = time.perf_counter()
    for e in events:
        countries = e["country"] if isinstance(e["country"], list) else [e["country"]]
        place = gaz.resolve(
            e["location"], countries=countries, admin1=e.get("admin1") if with_admin1 else None
        )
        if place is None and fallback and e.get("admin1"):
            # what an extractor can do when the town is unknown: the province it named
            place = gaz.resolve(e["admin1"], countries=countries)
        if place is None:
            misses.append((math.inf, f"{e['location']!r} ({e['admin1']}, {e['country']}): None"))
            continue
        resolved += 1
        country_ok += place.country in countries or any(c in countries for c in place.countries)
        if place.latitude is None or place.longitude is None:
            misses.append((math.inf, f"{e['location']!r}: {place.name} without coordinates"))
            continue
        km = haversine_km(e["latitude"], e["longitude"], place.latitude, place.longitude)
        errors.append(km)
        misses.append(
            (
                km,
                f"{e['location']!r} ({e['admin1']}, {e['country']}) -> {place.name}, "
                f"{place.admin1}, {place.country} [{place.kind}]: {km:.0f} km",
            )
        )
    seconds = time.perf_counter() - t0
    n = len(events)
    stats = {
        "events": n,
        "resolved": resolved / n,
        "with_coordinates": len(errors) / n,
        "country_correct": country_ok / n,
        "within_20km": sum(k <= 20 for k in errors) / n,
        "within_50km": sum(k <= 50 for k in errors) / n,
        "mean_km": statistics.fmean(errors) if errors else math.nan,
        "median_km": statistics.median(errors) if errors else math.nan,
        "ms_per_query": 1000 * seconds / n,
    }
    if worst:
        for _km, text in sorted(misses, key=lambda m: -m[0] if m[0] < math.inf else 0)[:worst]:
            print("   ", text)
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--worst", type=int, default=0, help="print the N worst rows per setting")
    args = parser.parse_args()
    events = gold_events(args.gold)
    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    _ = gaz.index
    built = time.perf_counter() - t0
    gaz.resolve("Idlib", countries=["Syria"])  # builds the loose keys and fuzzy pools as well
    print(
        f"gazetteer built in {built:.1f} s (+{time.perf_counter() - t0 - built:.1f} s for fall-back"
        f" indexes); {len(events)} gold events"
    )
    header = f"{'setting':26} {'resolved':>8} {'coords':>7} {'country':>7} {'<=20km':>7} {'<=50km':>7} {'mean km':>8} {'median':>7} {'ms/q':>6}"
    rows = []
    settings = (
        ("location+country+admin1", True, False),
        ("location+country", False, False),
        ("  else admin1 centroid", True, True),
    )
    for label, with_admin1, fallback in settings:
        print(f"-- {label}")
        s = run(gaz, events, with_admin1, args.worst, fallback)
        rows.append(
            f"{label:26} {s['resolved']:8.3f} {s['with_coordinates']:7.3f} {s['country_correct']:7.3f} "
            f"{s['within_20km']:7.3f} {s['within_50km']:7.3f} {s['mean_km']:8.1f} {s['median_km']:7.2f} "
            f"{s['ms_per_query']:6.2f}"
        )
    print(header)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
