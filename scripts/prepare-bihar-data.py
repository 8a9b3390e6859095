#!/usr/bin/env python3
"""Builds data/bihar/ (what the care-network model reads at run time) from the PMGSY
GeoSadak extracts (the DataMeet mirror named in data/bihar/SOURCES.md), unpacked in SOURCE_DIR.

Run from the repository root:  python3 scripts/prepare-bihar-data.py [SOURCE_DIR]
Only the Python standard library is used; the output is deterministic.
"""
import csv
import os
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data", "bihar")
OUT = os.path.join("data", "bihar")

# Survey type -> model tier and beds (IPHS norms; sdh/dh/mch sizes are assumptions).
TIERS = {
    "HSC": ("hsc", 0), "HWC": ("hwc", 0), "APHC": ("aphc", 0), "HEALTH_CENTRE": ("aphc", 0),
    "PHC": ("phc", 6), "CHC": ("chc", 30), "RH": ("chc", 30), "SDH": ("sdh", 100),
}
# Surveyed DH rows are replaced by one district hospital per district at its headquarters
# town; HOSPITAL, HOSPITAL_OTHER, OTHER and AYUSH rows (unclassified or private) are dropped.

# District headquarters towns: approximate town-centre coordinates (compiled by the project).
DISTRICT_TOWNS = {
    "Araria": ("Araria", 26.148, 87.456), "Arwal": ("Arwal", 25.254, 84.681),
    "Aurangabad": ("Aurangabad", 24.752, 84.374), "Banka": ("Banka", 24.886, 86.922),
    "Begusarai": ("Begusarai", 25.418, 86.133), "Bhagalpur": ("Bhagalpur", 25.244, 86.972),
    "Bhojpur": ("Arrah", 25.556, 84.663), "Buxar": ("Buxar", 25.564, 83.978),
    "Darbhanga": ("Darbhanga", 26.152, 85.897), "East Champaran": ("Motihari", 26.648, 84.917),
    "Gaya": ("Gaya", 24.796, 85.008), "Gopalganj": ("Gopalganj", 26.468, 84.439),
    "Jamui": ("Jamui", 24.920, 86.224), "Jahanabad": ("Jahanabad", 25.213, 84.988),
    "Kaimur": ("Bhabua", 25.040, 83.607), "Katihar": ("Katihar", 25.539, 87.577),
    "Khagaria": ("Khagaria", 25.502, 86.467), "Kishanganj": ("Kishanganj", 26.105, 87.951),
    "Lakhisarai": ("Lakhisarai", 25.157, 86.095), "Madhepura": ("Madhepura", 25.921, 86.792),
    "Madhubani": ("Madhubani", 26.354, 86.072), "Munger": ("Munger", 25.375, 86.473),
    "Muzaffarpur": ("Muzaffarpur", 26.121, 85.391), "Nalanda": ("Bihar Sharif", 25.197, 85.518),
    "Nawada": ("Nawada", 24.886, 85.543), "Patna": ("Patna", 25.594, 85.137),
    "Purnia": ("Purnia", 25.778, 87.475), "Rohtas": ("Sasaram", 24.949, 84.031),
    "Saharsa": ("Saharsa", 25.880, 86.596), "Samastipur": ("Samastipur", 25.863, 85.781),
    "Saran": ("Chapra", 25.780, 84.747), "Sheikhpura": ("Sheikhpura", 25.140, 85.852),
    "Sheohar": ("Sheohar", 26.512, 85.294), "Sitamarhi": ("Sitamarhi", 26.593, 85.490),
    "Siwan": ("Siwan", 26.220, 84.356), "Supaul": ("Supaul", 26.126, 86.605),
    "Vaishali": ("Hajipur", 25.686, 85.221), "West Champaran": ("Bettiah", 26.802, 84.503),
}

# Government medical colleges (teaching hospitals) at their cities; approximate coordinates.
MEDICAL_COLLEGES = [
    ("MCH-PMCH", "Patna Medical College and Hospital", "Patna", 25.6206, 85.1586),
    ("MCH-NMCH", "Nalanda Medical College and Hospital, Patna", "Patna", 25.5906, 85.2036),
    ("MCH-IGIMS", "Indira Gandhi Institute of Medical Sciences, Patna", "Patna", 25.6113, 85.0944),
    ("MCH-AIIMS", "AIIMS Patna", "Patna", 25.5627, 85.0420),
    ("MCH-DMCH", "Darbhanga Medical College and Hospital", "Darbhanga", 26.1593, 85.8968),
    ("MCH-SKMCH", "Sri Krishna Medical College, Muzaffarpur", "Muzaffarpur", 26.1009, 85.3962),
    ("MCH-ANMMCH", "Anugrah Narayan Magadh Medical College, Gaya", "Gaya", 24.7512, 84.9931),
    ("MCH-JLNMCH", "Jawaharlal Nehru Medical College, Bhagalpur", "Bhagalpur", 25.2425, 86.9842),
    ("MCH-GMCB", "Government Medical College, Bettiah", "West Champaran", 26.7986, 84.5081),
    ("MCH-VIMS", "Vardhman Institute of Medical Sciences, Pawapuri", "Nalanda", 25.0925, 85.5283),
    ("MCH-GMCP", "Government Medical College, Purnia", "Purnia", 25.7771, 87.4753),
    ("MCH-JKTMCH", "Jannayak Karpoori Thakur Medical College, Madhepura", "Madhepura", 25.9210, 86.7920),
]
BEDS = {"dh": 200, "mch": 600}


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = list(csv.DictReader(open(os.path.join(SRC, "facilities.csv"), encoding="utf-8")))
    out = []
    for r in rows:
        if r["type"] not in TIERS:
            continue
        tier, beds = TIERS[r["type"]]
        name = r["name"] if r["name"] and r["name"] not in ("PHC", "APHC", "CHC", "HSC") else \
            f'{r["type_label"]}, {r["habitation"]}'
        out.append([r["source_id"], name, tier, r["district"], r["block"], r["lat"], r["lon"], beds,
                    r["hwc"]])
    for district, (town, lat, lon) in sorted(DISTRICT_TOWNS.items()):
        out.append([f"DH-{district.replace(' ', '')}", f"District Hospital {town}", "dh", district,
                    town, f"{lat:.6f}", f"{lon:.6f}", BEDS["dh"], "0"])
    for ident, name, district, lat, lon in MEDICAL_COLLEGES:
        out.append([ident, name, "mch", district, "", f"{lat:.6f}", f"{lon:.6f}", BEDS["mch"], "0"])
    with open(os.path.join(OUT, "facilities.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "name", "tier", "district", "block", "lat", "lon", "beds", "hwc"])
        w.writerows(out)

    habs = csv.DictReader(open(os.path.join(SRC, "habitations.csv"), encoding="utf-8"))
    # District by block: a few habitations carry district ids that the district table lacks.
    block_district = {b["block_id"]: b["district"] for b in
                      csv.DictReader(open(os.path.join(SRC, "blocks.csv"), encoding="utf-8"))}
    districts = {d["district_id"]: d["district"] for d in
                 csv.DictReader(open(os.path.join(SRC, "districts.csv"), encoding="utf-8"))}
    with open(os.path.join(OUT, "habitations.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["lat", "lon", "population", "district"])
        for h in habs:
            district = block_district.get(h["block_id"]) or districts.get(h["district_id"])
            if int(h["population"] or 0) > 0 and district:
                w.writerow([h["lat"], h["lon"], h["population"], district])
    print(f"wrote {len(out)} facilities and habitations to {OUT}")


if __name__ == "__main__":
    main()
