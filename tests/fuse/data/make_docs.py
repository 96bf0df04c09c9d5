"""Writes fusion_docs.jsonl: short multi-outlet reports, paraphrased by hand from wide coverage
of well-documented events before 2025 (figures as the outlets reported them at the time)."""

import json
from pathlib import Path

DOCS = [
    # --- A: Kabul airport suicide bombing, Thursday 2021-08-26 ---------------------------
    (
        "kbl-air-1",
        "Reuters (paraphrase)",
        "2021-08-26",
        "Suicide bombers kill dozens outside Kabul airport",
        "Two suicide bombers and gunmen attacked crowds of Afghans outside Kabul airport on Thursday, "
        "killing at least 60 Afghans and 13 U.S. troops, officials said. The blasts struck near the "
        "Abbey Gate, where thousands of people had gathered hoping to board evacuation flights. "
        "Islamic State claimed responsibility for the attack. An Afghan health official said at least "
        "140 Afghans were wounded. The Pentagon said 18 U.S. service members were wounded.",
    ),
    (
        "kbl-air-2",
        "Associated Press (paraphrase)",
        "2021-08-27",
        "Death toll from Kabul airport bombing rises to 169 Afghans",
        "The death toll from Thursday's suicide bombing at Kabul airport rose to at least 169 Afghans "
        "and 13 U.S. service members, officials said on Friday. A U.S. general said a single suicide "
        "bomber, not two, struck the crowd at Abbey Gate before gunmen opened fire. Islamic State's "
        "Afghan affiliate said it carried out the attack. Hospitals in Kabul were overwhelmed with "
        "wounded people.",
    ),
    (
        "kbl-air-3",
        "Al Jazeera (paraphrase)",
        "2021-08-28",
        "Evacuations wind down in Kabul after deadly airport attack",
        "Western countries wound down their evacuation flights from Kabul on Saturday, two days after "
        "the suicide attack outside the airport that killed more than 170 people. The Taliban said "
        "they had taken control of three gates of the airport. U.S. President Joe Biden warned that "
        "another attack in Kabul was highly likely.",
    ),
    # --- B: US drone strike in Kabul, Sunday 2021-08-29 -----------------------------------
    (
        "kbl-drone-1",
        "Reuters (paraphrase)",
        "2021-08-30",
        "U.S. drone strike in Kabul kills family members, relatives say",
        "A U.S. drone strike on Sunday destroyed a vehicle in a residential area of Kabul that the "
        "U.S. military said was carrying Islamic State suicide bombers who threatened the airport. "
        "Relatives said the strike killed 10 members of one family, including seven children. The "
        "U.S. Central Command said it was assessing reports of civilian casualties.",
    ),
    (
        "kbl-drone-2",
        "Associated Press (paraphrase)",
        "2021-09-17",
        "Pentagon admits Kabul drone strike killed 10 civilians",
        "The Pentagon acknowledged on Friday that the U.S. drone strike in Kabul on August 29 killed "
        "10 civilians, including seven children, and called it a tragic mistake. General Kenneth "
        "McKenzie said the driver of the car, an aid worker, had no connection to Islamic State. The "
        "strike came three days after the suicide bombing at the Kabul airport.",
    ),
    # --- C: Kramatorsk railway station missile strike, Friday 2022-04-08 -------------------
    (
        "kram-1",
        "Reuters (paraphrase)",
        "2022-04-08",
        "Missile strike on Kramatorsk railway station kills dozens",
        "A missile struck the railway station in the eastern Ukrainian city of Kramatorsk on Friday, "
        "killing at least 30 people and wounding more than 100, Ukraine's state railway company said. "
        "Thousands of civilians had gathered at the station to flee the Donetsk region. Russia's "
        "defence ministry denied carrying out the strike and said the Tochka-U missiles were used "
        "only by the Ukrainian military.",
    ),
    (
        "kram-2",
        "Associated Press (paraphrase)",
        "2022-04-09",
        "Kramatorsk station attack toll rises to 52",
        "The death toll from the missile attack on the Kramatorsk railway station rose to 52, "
        "including five children, Donetsk regional governor Pavlo Kyrylenko said on Saturday. "
        "Ukrainian President Volodymyr Zelenskyy condemned the strike on Friday as a war crime. "
        "Moscow blamed Ukrainian forces for the attack.",
    ),
    (
        "kram-3",
        "Al Jazeera (paraphrase)",
        "2022-04-11",
        "Evacuations from Donetsk continue after station strike",
        "Residents of Kramatorsk kept leaving by bus on Monday, three days after the rocket strike on "
        "the city's train station, which killed 57 people, according to the regional governor. "
        "Officials said more than 100 people were still in hospital.",
    ),
    # --- D: Peshawar Police Lines mosque bombing, Monday 2023-01-30 ---------------------------
    (
        "pesh-1",
        "Dawn (paraphrase)",
        "2023-01-30",
        "Suicide blast at Peshawar police mosque",
        "A suicide bomber blew himself up inside a mosque in the Police Lines area of Peshawar during "
        "afternoon prayers on Monday, killing at least 28 people and wounding 150, officials said. "
        "Most of the victims were policemen. Part of the mosque collapsed after the blast.",
    ),
    (
        "pesh-2",
        "Reuters (paraphrase)",
        "2023-01-31",
        "Death toll from Peshawar mosque bombing reaches 100",
        "The death toll from Monday's suicide bombing at a mosque inside a police compound in Peshawar "
        "rose to 100, officials said on Tuesday, as rescuers pulled more bodies from the rubble. A "
        "spokesman for the Pakistani Taliban denied that the group was involved, although one of its "
        "commanders had earlier claimed the attack.",
    ),
    (
        "pesh-3",
        "Al Jazeera (paraphrase)",
        "2023-02-02",
        "Pakistan police revise Peshawar mosque bombing toll to 84",
        "Police in Pakistan said on Thursday that 84 people were killed in the suicide bombing at a "
        "mosque in Peshawar on Monday, revising down an earlier figure of 100. Provincial police chief "
        "Moazzam Jah Ansari said the bomber had entered the Police Lines compound wearing a police "
        "uniform.",
    ),
    # --- E: Kabul girls' school bombing, Saturday 2021-05-08 -------------------------------
    (
        "kbl-school-1",
        "Reuters (paraphrase)",
        "2021-05-08",
        "Bombs outside Kabul girls' school kill at least 25",
        "A series of explosions outside the Sayed ul-Shuhada girls' school in the Dasht-e-Barchi "
        "area of western Kabul killed at least 25 people on Saturday, most of them students, and "
        "wounded 52, interior ministry spokesman Tareq Arian said. A car bomb went off as the "
        "students were leaving, followed by two more bombs.",
    ),
    (
        "kbl-school-2",
        "Associated Press (paraphrase)",
        "2021-05-09",
        "Kabul school bombing toll rises to 50",
        "The death toll from Saturday's bombing at the Sayed ul-Shuhada girls' school in Kabul rose "
        "to 50, with more than 100 wounded, officials said on Sunday. The Taliban denied any "
        "involvement and condemned the attack. Families buried their daughters in the Dasht-e-Barchi "
        "neighbourhood, home to the Hazara community.",
    ),
    # --- E': Kabul mosque bombing six days later, Friday 2021-05-14 -------------------------
    (
        "kbl-mosque-1",
        "Reuters (paraphrase)",
        "2021-05-14",
        "Bomb in Kabul mosque kills 12 during Eid prayers",
        "A bomb exploded inside a mosque in Kabul province during Friday prayers, killing 12 "
        "worshippers including the imam, police said. The blast hit the mosque in the Shakar Dara "
        "district on the second day of the Eid holiday and a three-day ceasefire. No group "
        "immediately claimed the attack, and the Taliban denied involvement.",
    ),
    # --- F: Ganja missile strike, Sunday 2020-10-11 ----------------------------------------
    (
        "ganja-1",
        "Reuters (paraphrase)",
        "2020-10-11",
        "Azerbaijan says Armenian missile strike on Ganja kills seven",
        "A missile strike on a residential area of Ganja, Azerbaijan's second-largest city, killed "
        "seven civilians and wounded 33 early on Sunday, the Azerbaijani prosecutor general's office "
        "said. Azerbaijan blamed Armenian forces for the attack, which came hours after a "
        "Russian-brokered ceasefire took effect. Armenia's defence ministry denied firing at Ganja.",
    ),
    (
        "ganja-2",
        "Al Jazeera (paraphrase)",
        "2020-10-12",
        "Ganja strike toll rises to 10 as truce falters",
        "The number of people killed in Sunday's missile strike on an apartment building in Ganja rose "
        "to 10, Azerbaijani officials said on Monday. Rescuers searched the rubble for survivors. "
        "Armenia's defence ministry said it had not fired at Ganja and accused Azerbaijan of shelling "
        "Stepanakert.",
    ),
    # --- F': second Ganja missile strike, Saturday 2020-10-17 -------------------------------
    (
        "ganja-3",
        "Associated Press (paraphrase)",
        "2020-10-17",
        "New missile strike on Ganja kills 13 civilians",
        "A missile hit a residential area of Ganja overnight, killing 13 civilians and wounding more "
        "than 40, Azerbaijani officials said on Saturday, a week after an earlier strike on the city. "
        "Azerbaijani President Ilham Aliyev said the attack was a war crime. Armenia denied "
        "responsibility.",
    ),
    (
        "ganja-4",
        "Reuters (paraphrase)",
        "2020-10-18",
        "Azerbaijan buries victims of Ganja strike",
        "Mourners in Ganja on Sunday buried victims of Saturday's missile strike on the city, which "
        "Azerbaijan said killed 13 civilians. Armenia's defence ministry denied firing at Ganja. A "
        "humanitarian ceasefire announced by both sides on Saturday evening was quickly broken.",
    ),
]


def main() -> None:
    out = Path(__file__).with_name("fusion_docs.jsonl")
    with out.open("w", encoding="utf-8") as f:
        for doc_id, source, published, title, body in DOCS:
            line = {
                "id": doc_id,
                "source": source,
                "published": published,
                "title": title,
                "url": None,
                "text": f"{title}\n\n{body}",
            }
            f.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
