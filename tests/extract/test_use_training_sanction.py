"""Trainings, sanctions and attacks as real pages state them: invented sentences, one construction each.

Each test is a kind of English construction (not a sentence of the evaluation pages), with other
countries and weapons than any page it was learned from.
"""
from __future__ import annotations

from armstrace.extract import extract_doc
from armstrace.records import Article, Record


def extract(nlp, text: str, published: str | None = "2024-05-01") -> list[Record]:
    return extract_doc(nlp(text), Article(doc_id="t", text=text, published=published))


def keys(records: list[Record]) -> set[tuple]:
    return {(r.type, r.actor, r.recipient, r.weapon_class, r.claimant, r.stance) for r in records}


def test_training_class_from_the_trainees_trade(nlp):
    found = keys(extract(nlp, "Poland has started training Ukrainian pilots."))
    assert ("training", "POL", "UKR", "aircraft", "author", "asserted") in found
    assert not any(k[0] == "training" and k[3] == "arms" for k in found)


def test_training_class_from_what_the_trainees_learn_to_use(nlp):
    found = keys(extract(nlp, "The Italian Air Force began training Moldovan pilots and personnel to use Eurofighter jets."))
    assert ("training", "ITA", "MDA", "aircraft", "author", "asserted") in found
    found = keys(extract(nlp, "Cuban officers trained Bolivian soldiers to fire anti-aircraft missiles."))
    assert any(k[:3] == ("training", "CUB", "BOL") and k[3] in ("air-defense", "missile") for k in found)


def test_states_assisting_a_training_are_trainers(nlp):
    text = ("France and Spain announced the training of Georgian pilots, "
            "with three other countries (Austria, Greece and Chile) assisting them.")
    found = keys(extract(nlp, text))
    assert ("training", "FRA", "GEO", "aircraft", "FRA", "asserted") in found
    for helper in ("AUT", "GRC", "CHL"):
        assert ("training", helper, "GEO", "aircraft", "author", "asserted") in found


def test_a_donation_for_training_is_a_training_by_the_donor(nlp):
    found = keys(extract(nlp, "Last year, Moscow approved a donation to Armenia for training Su-30 pilots."))
    assert ("training", "RUS", "ARM", "aircraft", "author", "asserted") in found


def test_training_undergone_abroad_is_on_the_weapons_just_named(nlp):
    text = "The bill allows the sale of four frigates to Peru and allows Peruvian engineers to undergo training in Spain."
    found = keys(extract(nlp, text))
    assert ("training", "ESP", "PER", "naval", "author", "asserted") in found
    # a training in a clause of its own is not about the main clause's weapons
    found = keys(extract(nlp, "Egypt flies its own drones over Chad, where it trains Chadian troops."))
    assert not any(k[0] == "training" and k[3] == "uav" for k in found)


def test_a_state_halting_its_arms_exports_sanctions_the_recipient(nlp):
    found = keys(extract(nlp, "Norway has suspended arms exports to Egypt."))
    assert ("sanction", "NOR", "EGY", None, "author", "asserted") in found
    assert ("transfer", "NOR", "EGY", "arms", "author", "hedged") in found   # the stopped exports: withheld
    found = keys(extract(nlp, "Merkel announced that Germany would halt weapons exports to Turkey."))
    assert ("sanction", "DEU", "TUR", None, "DEU", "asserted") in found      # its own announced decision
    assert ("transfer", "DEU", "TUR", "arms", "DEU", "hedged") in found
    found = keys(extract(nlp, "Sweden froze new export permits for Indonesia pending a review."))
    assert ("sanction", "SWE", "IDN", None, "author", "asserted") in found


def test_the_participle_on_sanctions_names_their_target(nlp):
    found = keys(extract(nlp, "The United States has announced new sanctions targeting several Chinese companies."))
    assert ("sanction", "USA", "CHN", None, "USA", "asserted") in found
    assert not any(k[0] == "use" for k in found)   # "targeting" aims the sanctions, attacks nobody
    found = keys(extract(nlp, "Egypt and Sudan violated the UN arms embargo imposed on Somalia since 1992."))
    assert ("sanction", "un", "SOM", None, "author", "asserted") in found
    found = keys(extract(nlp, "Russia made it harder for the United Nations to monitor sanctions imposed on Tehran."))
    assert ("sanction", "un", "IRN", None, "author", "asserted") in found


def test_a_state_adopting_eu_sanctions_sanctions_too(nlp):
    found = keys(extract(nlp, "Austria has adopted European Union sanctions designed to punish Belarus for its crackdown."))
    assert ("sanction", "eu", "BLR", None, "author", "asserted") in found
    assert ("sanction", "AUT", "BLR", None, "author", "asserted") in found


def test_tougher_sanctions_are_proposed_not_imposed(nlp):
    found = keys(extract(nlp, "EU foreign ministers tackled tougher Georgia crisis sanctions against Russia on Tuesday."))
    assert ("sanction", "eu", "RUS", None, "author", "hedged") in found
    assert not any(k[0] == "sanction" and k[1] == "GEO" for k in found)   # Georgia names the crisis
    found = keys(extract(nlp, "In May, the Ukrainian parliament approved a package of 50-year sanctions on Iran."))
    assert ("sanction", "UKR", "IRN", None, "author", "asserted") in found


def test_a_sanctioning_action_aimed_at_a_group(nlp):
    text = ("The US Treasury sanctioned 12 individuals and entities in what officials called "
            "the largest action targeting Hezbollah.")
    found = keys(extract(nlp, text))
    assert ("sanction", "USA", "hezbollah", None, "author", "asserted") in found


def test_the_holder_of_what_is_struck_is_attacked(nlp):
    text = ("Israeli airstrikes have hit Syria for years. "
            "On Thursday, Israel struck an arms depot operated by Hezbollah near Damascus.")
    found = keys(extract(nlp, text))
    assert ("use", "ISR", "hezbollah", "aircraft", "author", "asserted") in found   # the article's strikes are air strikes
    found = keys(extract(nlp, "Two rebel sources said five strikes had hit a fuel depot used by Hezbollah."))
    assert not any(k[0] == "use" and k[1] == "hezbollah" for k in found)   # "used by": holding a depot, not an attack


def test_the_one_hit_by_an_attack_is_its_target(nlp):
    found = keys(extract(nlp, "The Iraqi soldier was hit by a Hezbollah mortar attack."))
    assert ("use", "hezbollah", "IRQ", "artillery", "author", "asserted") in found


def test_the_class_of_an_attack_from_the_attacking_service_or_the_attack_word(nlp):
    found = keys(extract(nlp, "The Egyptian Air Force conducted targeted attacks against Hamas."))
    assert ("use", "EGY", "hamas", "aircraft", "author", "asserted") in found
    # a named means beats the article's air strikes
    text = "Russian airstrikes continued. The aftermath of a hit by Russia using Iranian drones on a building in Kharkiv."
    found = keys(extract(nlp, text))
    assert not any(k[0] == "use" and k[3] == "aircraft" for k in found)


def test_a_state_attacking_its_own_people(nlp):
    text = ("Since the coup, some opponents of military rule have taken up arms, "
            "and the Sudanese military has responded with air strikes and heavy weapons.")
    assert ("use", "SDN", "SDN", "aircraft", "author", "asserted") in keys(extract(nlp, text))
    found = keys(extract(nlp, "The Syrian army dropped barrel bombs on villages near Aleppo."))
    assert ("use", "SYR", "SYR", "ammunition", "author", "asserted") in found
    # the people an attack kills are not its target; nor is the attacker its own target
    found = keys(extract(nlp, "Iran launched a missile on Tuesday, killing civilians."))
    assert not any(k[0] == "use" and k[1] == k[2] for k in found)
    found = keys(extract(nlp, "Russia dropped its demand for sanctions relief."))
    assert not any(k[0] == "use" for k in found)


def test_the_nationality_of_attacking_warplanes_names_the_attackers(nlp):
    found = keys(extract(nlp, "Saudi and Emirati warplanes have bombed Yemen for years."))
    assert ("use", "SAU", "YEM", "aircraft", "author", "asserted") in found
    assert ("use", "ARE", "YEM", "aircraft", "author", "asserted") in found
    assert not any(k[0] == "transfer" for k in found)   # their own planes, not each other's
    found = keys(extract(nlp, "Iranian drones struck Kyiv on Monday."))
    assert ("use", "RUS", "UKR", "uav", "author", "asserted") in found   # a known adversary still comes first


def test_weapons_fired_alongside_and_the_enemy_of_the_war(nlp):
    found = keys(extract(nlp, "The Houthis used cruise missiles alongside drones in Monday's strike on Saudi Arabia."))
    assert any(k[:4] == ("use", "houthis", "SAU", "uav") for k in found)
    assert any(k[:4] == ("use", "houthis", "SAU", "missile") for k in found)
    text = ("Qatar also used the drones to conduct operations in Yemen "
            "in the war against various militant groups, including the Houthis.")
    assert ("use", "QAT", "houthis", "uav", "author", "asserted") in keys(extract(nlp, text))
    found = keys(extract(nlp, "Egypt also used the drones in its war against Hamas."))
    assert ("use", "EGY", "hamas", "uav", "author", "asserted") in found


def test_the_party_tied_to_an_attack_carried_it_out(nlp):
    found = keys(extract(nlp, "Hamas claimed responsibility for the rocket attack on Israel."))
    assert any(k[:4] == ("use", "hamas", "ISR", "artillery") for k in found)
    found = extract(nlp, "Jordan is suspected of involvement in a bombing of a prison in a Tripoli suburb.")
    rec = next(r for r in found if r.type == "use")
    assert (rec.actor, rec.recipient, rec.weapon_class, rec.stance) == ("JOR", "LBY", "ammunition", "hedged")
    # a purpose is still no attack
    found = keys(extract(nlp, "Russia sent drones for use in Ukraine."))
    assert not any(k[0] == "use" for k in found)


def test_targets_through_coordination_strikes_and_places_in_compounds(nlp):
    text = ("US officials said the Iraqi, whom state media identified as a colonel, had been with a drone unit "
            "and was hit by a Hezbollah mortar attack.")
    assert any(k[:4] == ("use", "hezbollah", "IRQ", "artillery") for k in keys(extract(nlp, text)))
    text = "The Houthis used cruise missiles alongside drones in Monday's deadly strike on the United Arab Emirates."
    found = keys(extract(nlp, text))
    assert ("use", "houthis", "ARE", "uav", "author", "asserted") in found
    assert ("use", "houthis", "ARE", "missile", "author", "asserted") in found
    found = keys(extract(nlp, "The bomb in the deadly Yemen school bus attack that killed 51 people was made by a US firm."))
    assert not any(k[0] == "use" and k[1] == "YEM" for k in found)   # Yemen is where the bus was
    found = keys(extract(nlp, "US drone strikes on Houthi targets continued."))
    assert ("use", "USA", "houthis", "uav", "author", "asserted") in found


def test_an_invasion_and_a_war_enemy_beside_the_place(nlp):
    found = keys(extract(nlp, "Austria adopted EU sanctions designed to punish Russia for invading Georgia."))
    assert ("use", "RUS", "GEO", "arms", "author", "asserted") in found
    text = "The jets are currently being used by France in the international coalition strikes on Iraq against the Islamic State."
    found = keys(extract(nlp, text))
    assert any(k[:4] == ("use", "FRA", "islamic-state", "aircraft") for k in found)
    assert not any(k[0] == "use" and k[2] == "IRQ" for k in found)   # Iraq is where, the Islamic State whom


def test_training_given_with_weapons_is_on_those_weapons_not_their_count(nlp):
    found = extract(nlp, "Germany sold 20 Leopard tanks to Chile and will also provide training.")
    rec = next(r for r in found if r.type == "training")
    assert (rec.actor, rec.recipient, rec.weapon_class, rec.quantity) == ("DEU", "CHL", "armor", None)


def test_halted_licences_carry_what_they_were_for_and_strikes_on_residential_areas(nlp):
    found = keys(extract(nlp, "The Netherlands halted the export of F-35 parts to Israel after a court ruling."))
    assert ("sanction", "NLD", "ISR", None, "author", "asserted") in found
    assert any(k[:4] == ("transfer", "NLD", "ISR", "aircraft") and k[5] == "hedged" for k in found)
    found = keys(extract(nlp, "Canada suspended export permits for drone parts to Turkey in 2020."))
    assert not any(k[0] == "transfer" and k[3] == "arms" for k in found)   # the permits were for parts
    found = keys(extract(nlp, "The Sudanese army has carried out air strikes on residential areas of Khartoum."))
    assert ("use", "SDN", "SDN", "aircraft", "author", "asserted") in found


def test_a_freeze_on_exports_is_a_sanction_even_when_lifted(nlp):
    found = keys(extract(nlp, "Norway is lifting a freeze on weapons exports to Egypt."))
    assert ("sanction", "NOR", "EGY", None, "author", "asserted") in found
    found = keys(extract(nlp, "Berlin's suspension of arms sales to Ankara angered Turkey."))
    assert ("sanction", "DEU", "TUR", None, "author", "asserted") in found


def test_a_donation_for_training_read_as_one_noun_phrase(nlp):
    text = "In March, Belarus approved the donation to Kazakhstan of $3 million for training Su-27 pilots."
    found = keys(extract(nlp, text))
    assert any(k[:4] == ("training", "BLR", "KAZ", "aircraft") for k in found)


def test_calls_for_sanctions_are_the_callers_hedged_claims(nlp):
    found = keys(extract(nlp, "Britain called for an EU arms embargo on Russia."))
    assert ("sanction", "eu", "RUS", None, "GBR", "hedged") in found


def test_a_war_with_a_group_targets_it(nlp):
    found = keys(extract(nlp, "The Iraqi military used helicopters during its recent fight with Hezbollah."))
    assert ("use", "IRQ", "hezbollah", "aircraft", "author", "asserted") in found
    found = keys(extract(nlp, "Russia struck Kyiv with Iranian drones during its war with Ukraine."))
    assert any(k[:4] == ("use", "RUS", "UKR", "uav") for k in found)


def test_training_missions_lifted_sanctions_and_attacks_in_the_passive(nlp):
    found = keys(extract(nlp, "Turkey runs a training mission for Somali soldiers in Mogadishu."))
    assert ("training", "TUR", "SOM", "arms", "author", "asserted") in found
    found = keys(extract(nlp, "The EU lifted sanctions on Belarus in 2016."))
    assert ("sanction", "eu", "BLR", None, "author", "asserted") in found   # the sanctions lifted had been imposed
    found = keys(extract(nlp, "Saudi Arabia was attacked by Houthi drones last week."))
    assert ("use", "houthis", "SAU", "uav", "author", "asserted") in found
