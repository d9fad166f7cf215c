"""Extraction that leans on context: light verbs, places pointed back to, implied transfers.

Hand-written sentences in the ways English reports these events; each
assertion is on what a user reads in the record.
"""
from __future__ import annotations

from armstrace.extract import extract_doc
from armstrace.records import Article, Record


def extract(nlp, text: str, published: str | None = None) -> list[Record]:
    return extract_doc(nlp(text), Article(doc_id="t", text=text, published=published))


def keys(records: list[Record]) -> set[tuple]:
    return {(r.type, r.actor, r.recipient or r.location, r.weapon_class, r.claimant, r.stance) for r in records}


def test_production_facilities_kept_abroad_are_located_there(nlp):
    found = keys(extract(nlp, "Turkey also operates assembly plants for armoured vehicles in Qatar."))
    assert ("production", "TUR", "QAT", "armor", "author", "asserted") in found
    # "maintains" owns facilities here: it reports nothing, so the author is the claimant
    found = keys(extract(nlp, "Iran maintains production facilities for missiles in Venezuela."))
    assert ("production", "IRN", "VEN", "missile", "author", "asserted") in found
    assert not any(k[0] == "production" and k[2] == "IRN" for k in found)   # "production" is not a second event


def test_factory_opening_in_a_place_named_by_description(nlp):
    text = ("Belarus and Russia signed a defence pact in 2021. "
            "In May, a Russian drone factory opened in the former Soviet republic.")
    assert ("production", "RUS", "BLR", "uav", "author", "asserted") in keys(extract(nlp, text))


def test_groups_using_foreign_made_weapons_received_them(nlp):
    found = keys(extract(nlp, "Rebel groups such as the Houthis and Hezbollah have long been using Iranian missiles."))
    assert ("transfer", "IRN", "houthis", "missile", "author", "asserted") in found
    assert ("transfer", "IRN", "hezbollah", "missile", "author", "asserted") in found


def test_no_evidence_of_a_transfer_is_a_denial_by_whoever_found_none(nlp):
    found = keys(extract(nlp, "The Pentagon has found no evidence that China is supplying weapons to Russia."))
    assert ("transfer", "CHN", "RUS", "arms", "USA", "denied") in found
    found = keys(extract(nlp, "Seoul said it had seen no sign of North Korea supplying or selling rockets to Moscow."))
    assert {k[5] for k in found if k[0] == "transfer" and k[1] == "PRK"} == {"denied"}


def test_the_holder_of_a_plan_is_who_would_act_on_it(nlp):
    found = keys(extract(nlp, "Canada has shelved plans to sell armoured vehicles to Saudi Arabia."))
    assert ("transfer", "CAN", "SAU", "armor", "author", "hedged") in found
    found = keys(extract(nlp, "Reporters asked about Iran's plans to supply Moscow with missiles."))
    assert not any(k[1] == "USA" for k in found)   # the asker holds no plan


def test_sanctions_acting_on_their_target(nlp):
    found = keys(extract(nlp, "For years Venezuela was hampered by a US arms embargo."))
    assert ("sanction", "USA", "VEN", None, "author", "asserted") in found
    text = "Russia and Iran have grown closer. EU sanctions have pushed both countries to trade in arms."
    found = {k[:3] for k in keys(extract(nlp, text)) if k[0] == "sanction"}
    assert found == {("sanction", "eu", "RUS"), ("sanction", "eu", "IRN")}


def test_stance_scope_ends_at_relative_clauses_and_subjects(nlp):
    found = keys(extract(nlp, "The missiles that Russia fired at Kharkiv seem to be of North Korean origin."))
    assert ("use", "RUS", "UKR", "missile", "author", "asserted") in found
    found = keys(extract(nlp, "Strikes on Russian drone factories could escalate the war."))
    assert ("production", "RUS", "RUS", "uav", "author", "asserted") in found


def test_a_prevention_that_did_not_happen_lets_the_event_stand(nlp):
    found = keys(extract(nlp, "Russia has not prevented Israel from launching air strikes on Syria."))
    assert ("use", "ISR", "SYR", "aircraft", "author", "asserted") in found


def test_a_non_arms_deal_is_not_the_arms_deal_the_article_is_about(nlp):
    text = ("Iran shipped drones to Russia in 2022. "
            "The US had pulled out of the 2015 nuclear deal in 2018.")
    found = [r for r in extract(nlp, text) if "nuclear" in r.evidence]
    assert found == []


def test_a_use_for_combat_is_an_attack_and_a_bare_use_is_not(nlp):
    found = keys(extract(nlp, "Russia deployed Iranian drones to attack the power grid."))
    assert ("use", "RUS", "UKR", "uav", "author", "asserted") in found   # Russia's one adversary in the data
    found = keys(extract(nlp, "Ukraine has relied on HIMARS rocket launchers to strike ammunition depots."))
    assert ("use", "UKR", "RUS", "artillery", "author", "asserted") in found
    assert not any(k[0] == "use" and k[3] == "ammunition" for k in found)   # the depots are the target
    found = keys(extract(nlp, "Ukraine uses Bayraktar TB2 drones in the war."))
    assert ("use", "UKR", "RUS", "uav", "author", "asserted") in found
    found = keys(extract(nlp, "Militias such as Hezbollah have been using Iranian drones for years."))
    assert not any(k[0] == "use" for k in found)   # no target, no fighting named: nothing to key
    assert ("transfer", "IRN", "hezbollah", "uav", "author", "asserted") in found


def test_negation_does_not_cross_into_a_conjoined_clause(nlp):
    text = "The promised jets have not been delivered, and Russia has supplied Iran with helicopters."
    assert ("transfer", "RUS", "IRN", "aircraft", "author", "asserted") in keys(extract(nlp, text))


def test_counted_weapons_are_the_weapons_of_an_attack(nlp):
    found = keys(extract(nlp, "Russia has launched thousands of drones at Ukraine since 2022."))
    assert ("use", "RUS", "UKR", "uav", "author", "asserted") in found


def test_buying_a_model_with_no_seller_named_buys_from_its_maker(nlp):
    assert ("transfer", "TUR", "POL", "uav", "author", "asserted") in keys(extract(nlp, "Poland bought TB2s."))
    found = keys(extract(nlp, "In January, Qatar signed a contract worth about 500 million dollars for TB2 drones."))
    assert ("transfer", "TUR", "QAT", "uav", "author", "asserted") in found
    found = keys(extract(nlp, "Romania placed an order for 54 Abrams tanks."))
    assert ("transfer", "USA", "ROU", "armor", "author", "asserted") in found


def test_generic_nouns_predicated_of_a_state(nlp):
    found = keys(extract(nlp, "Britain was the first country to give Ukraine long-range cruise missiles."))
    assert ("transfer", "GBR", "UKR", "missile", "author", "asserted") in found
    found = keys(extract(nlp, "Nigeria and Kenya are among the countries that have reportedly bought TB2s."))
    assert {("transfer", "TUR", r, "uav", "author", "hedged") for r in ("NGA", "KEN")} <= found


def test_training_hosted_abroad(nlp):
    found = keys(extract(nlp, "Training of Ukrainian pilots on the jets began in Denmark this month."))
    assert ("training", "DNK", "UKR", "aircraft", "author", "asserted") in found


def test_groups_produce_where_they_are_based(nlp):
    text = ("The Houthis fired missiles at ships. Iran denies arming the Houthis, "
            "and says the group manufactures its own drones.")
    found = keys(extract(nlp, text))
    assert ("production", "houthis", "YEM", "uav", "IRN", "asserted") in found   # said, not denied


def test_packages_of_sanctions_act_like_sanctions(nlp):
    text = "In May the European Union's fourteenth package of sanctions listed several firms in Iran."
    assert ("sanction", "eu", "IRN", None, "author", "asserted") in keys(extract(nlp, text))


def test_a_relative_clause_under_a_reporting_verb_keeps_its_antecedent(nlp):
    text = "The cargo, which the Pentagon said came from Iran and was bound for the Houthis, included drone engines."
    found = keys(extract(nlp, text))
    assert any(k[:3] == ("transfer", "IRN", "houthis") and k[4] == "USA" for k in found)


def test_strikes_on_a_target_named_on_the_light_verb(nlp):
    text = "Israel's military says it has responded with air strikes and artillery fire on Hezbollah positions."
    found = keys(extract(nlp, text))
    assert ("use", "ISR", "hezbollah", "aircraft", "ISR", "asserted") in found
    assert ("use", "ISR", "hezbollah", "artillery", "ISR", "asserted") in found


def test_training_trainees_trainer_and_how_many(nlp):
    found = extract(nlp, "Between 60 and 70 Ukrainian soldiers have begun training on the Patriot system in Texas.")
    rec = next(r for r in found if r.type == "training")
    assert (rec.actor, rec.recipient, rec.weapon_class) == ("USA", "UKR", "air-defense")   # the maker trains
    assert (rec.quantity.min, rec.quantity.max) == (60, 70)
    found = keys(extract(nlp, "Mali's government says the Russians in the country are instructors who train its soldiers."))
    assert ("training", "RUS", "MLI", "arms", "MLI", "asserted") in found
    found = keys(extract(nlp, "Kyiv said Iranian instructors were helping Russian troops launch drones from Crimea."))
    assert ("training", "IRN", "RUS", "uav", "UKR", "asserted") in found


def test_numbers_in_weapon_names_are_not_quantities(nlp):
    rec = next(r for r in extract(nlp, "Spain sent Leopard 2 tanks to Ukraine.") if r.type == "transfer")
    assert rec.quantity is None and rec.weapons == ["leopard-2"]
    rec = next(r for r in extract(nlp, "Russia fired between 30 and 40 missiles at Kyiv.") if r.type == "use")
    assert (rec.quantity.min, rec.quantity.max) == (30, 40)


def test_suppliers_named_by_an_agent_noun(nlp):
    found = keys(extract(nlp, "North Korea has become a major supplier of artillery shells to Russia."))
    assert ("transfer", "PRK", "RUS", "artillery", "author", "asserted") in found
    found = keys(extract(nlp, "Iran, Russia's main drone supplier, has expanded its factories."))
    assert ("transfer", "IRN", "RUS", "uav", "author", "asserted") in found


def test_china_based_firms_are_chinese_and_it_said_is_the_designator(nlp):
    text = "The US Treasury designated China-based suppliers that it said sold drone engines to Iranian firms."
    found = keys(extract(nlp, text))
    assert ("transfer", "CHN", "IRN", "technology", "USA", "asserted") in found


def test_production_with_foreign_help_is_also_a_transfer_of_know_how(nlp):
    found = keys(extract(nlp, "Russia now builds the drones with Iranian assistance."))
    assert ("transfer", "IRN", "RUS", "technology", "author", "asserted") in found


def test_a_group_named_by_its_patron_is_the_group(nlp):
    found = keys(extract(nlp, "Fighters from Russia's Wagner Group are training Belarusian special forces."))
    assert ("training", "wagner", "BLR", "arms", "author", "asserted") in found
    text = "The European Union has listed the Wagner Group and several of its commanders."
    assert ("sanction", "eu", "wagner", None, "author", "asserted") in keys(extract(nlp, text))


def test_a_that_clause_hung_on_the_verb_still_belongs_to_the_statement(nlp):
    text = "His remarks followed a statement from Britain that Iran is helping Russia to produce its own drones."
    found = keys(extract(nlp, text))
    assert ("transfer", "IRN", "RUS", "technology", "GBR", "asserted") in found


def test_carrying_out_is_not_carrying(nlp):
    text = "Ukraine sent drones to the front. “We urged the UN to move forward on carrying out these investigations.”"
    assert not [r for r in extract(nlp, text) if "carrying" in r.evidence]


def test_a_sanctioned_person_is_placed_by_the_group_he_serves(nlp):
    text = "The US Treasury sanctioned Ivan Petrov, whom it described as the head of Wagner in Mali."
    assert ("sanction", "USA", "wagner", None, "author", "asserted") in keys(extract(nlp, text))


def test_an_unnamed_source_is_not_filled_from_the_article(nlp):
    text = "North Korea sent rockets to Wagner in 2022. Wagner has also been armed from farther afield."
    assert not [r for r in extract(nlp, text) if "afield" in r.evidence]


def test_time_prepositions_do_not_lend_their_verb(nlp):
    text = "The United States has sent Israel thousands of munitions since the Hamas-led attack of October 7."
    assert not [r for r in extract(nlp, text) if r.type == "use" and r.weapon_class == "ammunition"]


def test_payloads_are_not_transfers(nlp):
    text = "Belarusian Su-25 aircraft were modified so that they could carry nuclear weapons."
    assert not [r for r in extract(nlp, text) if r.type == "transfer"]


def test_a_clause_of_its_own_does_not_report_the_first(nlp):
    text = "Russia has supplied Belarus with Iskander-M missiles, and said in June that it had begun moving warheads."
    found = keys(extract(nlp, text))
    assert ("transfer", "RUS", "BLR", "missile", "author", "asserted") in found


def test_the_government_of_the_acting_state_speaks_for_it(nlp):
    text = "Ukraine asked for help. Germany will send Ukraine 1,000 anti-tank weapons, the government said on Saturday."
    found = keys(extract(nlp, text))
    assert ("transfer", "DEU", "UKR", "anti-tank", "DEU", "hedged") in found


def test_a_reporting_clause_after_the_event_still_reports_it(nlp):
    text = ("Russia launched 40 missiles at Ukrainian cities overnight, Ukraine's air force said, "
            "in what officials called a record.")
    assert ("use", "RUS", "UKR", "missile", "UKR", "asserted") in keys(extract(nlp, text))


def test_coordinated_nationalities_each_claim(nlp):
    found = keys(extract(nlp, "Israeli and US officials say Iran ships weapons to Hezbollah."))
    assert {("transfer", "IRN", "hezbollah", "arms", c, "asserted") for c in ("ISR", "USA")} <= found


def test_trainers_present_to_help_teach_what_they_help_with(nlp):
    text = "Kirby said that Iranian trainers and technical support staff were in Crimea helping Russian forces launch drones."
    found = keys(extract(nlp, text))
    assert any(k[:4] == ("training", "IRN", "RUS", "uav") for k in found)


def test_aid_packages_are_transfers_and_their_price_is_no_count(nlp):
    text = "Within hours the Pentagon announced a $1 billion package drawn from US stocks, including Stinger missiles."
    rec = next(r for r in extract(nlp, text) if r.type == "transfer")
    assert (rec.actor, rec.weapon_class, rec.weapons, rec.quantity) == ("USA", "air-defense", ["stinger"], None)


def test_provided_training_is_training_not_a_transfer(nlp):
    text = "Britain sent tanks to Ukraine in 2023. Britain has also provided basic flight training."
    found = keys([r for r in extract(nlp, text) if "flight" in r.evidence])
    assert found == {("training", "GBR", "UKR", "aircraft", "author", "asserted")}


def test_a_pronoun_subject_is_first_the_subject_before_it(nlp):
    text = "Mali bought drones. Turkey also operates its own drones over Somalia, where it trains Somali troops."
    found = keys(extract(nlp, text))
    assert ("training", "TUR", "SOM", "arms", "author", "asserted") in found


def test_received_models_are_not_assumed_to_come_from_their_maker(nlp):
    found = keys(extract(nlp, "Ukraine has received its first F-16 fighter jets."))
    assert not any(k[0] == "transfer" and k[1] == "USA" for k in found)


def test_pronouns_and_counts_stand_for_weapons_named_earlier(nlp):
    text = "The powers accuse Tehran of sending Shahed-136 drones to Russia, which has used them against Ukraine."
    found = [r for r in extract(nlp, text) if r.type == "use"]
    assert [(r.actor, r.recipient, r.weapons) for r in found] == [("RUS", "UKR", ["shahed-136"])]
    found = [r for r in extract(nlp, "Denmark has pledged 19 F-16 jets, while Norway has promised six.")
             if r.actor == "NOR"]
    assert [(r.weapons, r.quantity.min, r.stance) for r in found] == [(["f-16"], 6, "hedged")]


def test_sanction_lists_in_apposition(nlp):
    text = "The State Department designated two Iranian officials, two Iran-based entities and four Russia-based entities."
    found = {k[2] for k in keys(extract(nlp, text)) if k[0] == "sanction"}
    assert found == {"IRN", "RUS"}


def test_passive_production_by_the_owner_and_help_from_a_state(nlp):
    text = "The Houthis deny it. The Houthis say their missiles and drones are produced in Yemen."
    found = keys(extract(nlp, text))
    assert ("production", "houthis", "YEM", "missile", "houthis", "asserted") in found
    text = "Venezuela has for more than a decade assembled Mohajer-2 drones with help from Tehran."
    assert ("transfer", "IRN", "VEN", "technology", "author", "asserted") in keys(extract(nlp, text))


def test_embargo_barring_supplies_to_a_group(nlp):
    text = "A UN arms embargo imposed in 2015 bars the supply of weapons to the Houthis."
    assert ("sanction", "un", "houthis", None, "author", "asserted") in keys(extract(nlp, text))


def test_counted_containers_and_coordinated_weapons(nlp):
    text = "North Korea has delivered more than 1,000 containers of munitions to Russia."
    rec = next(r for r in extract(nlp, text) if r.type == "transfer")
    assert (rec.quantity.min, rec.quantity.max) == (1000, None)
    found = {r.weapon_class: r.quantity for r in extract(nlp, "Iran fired more than 300 drones and missiles at Israel.")}
    assert found["missile"] is not None and found["missile"].min == 300


def test_waters_named_after_a_state_are_not_the_state(nlp):
    text = "The Royal Navy seized Iranian-made missiles from a speedboat in the Gulf of Oman bound for the Houthis."
    assert not any(r.actor == "OMN" or r.recipient == "OMN" for r in extract(nlp, text))


def test_their_own_sanctions_each_state_keeps_and_claims(nlp):
    text = "Britain, France and Germany said last month that they would keep their own missile sanctions on Iran."
    found = {k for k in keys(extract(nlp, text)) if k[0] == "sanction"}
    assert found == {("sanction", c, "IRN", None, c, "asserted") for c in ("GBR", "FRA", "DEU")}


def test_requests_are_their_makers_claims_and_named_panels_speak_for_their_body(nlp):
    text = "Zelensky thanked Congress but urged Washington to send more Patriot air defence systems to Ukraine."
    assert ("transfer", "USA", "UKR", "air-defense", "UKR", "hedged") in keys(extract(nlp, text))
    text = "The monitors, known as the Panel of Experts, said North Korea sent the missile to Russia."
    assert ("transfer", "PRK", "RUS", "missile", "un", "asserted") in keys(extract(nlp, text))


def test_plural_bare_denials_and_counterparts(nlp):
    text = "North Korea has shipped shells to Russia, Seoul says. Both governments deny the trade."
    found = keys(extract(nlp, text))
    assert {("transfer", "PRK", "RUS", "artillery", c, "denied") for c in ("PRK", "RUS")} <= found
    text = "North Korea has shipped shells to Russia. Pyongyang is seeking fighter aircraft in return."
    found = keys(extract(nlp, text))
    assert ("transfer", "RUS", "PRK", "aircraft", "author", "hedged") in found


def test_a_clause_of_its_own_after_and_does_not_report_the_first(nlp):
    text = "Kuwait signed a contract for TB2 drones in January, and Turkish officials have said more deals are near."
    assert ("transfer", "TUR", "KWT", "uav", "author", "asserted") in keys(extract(nlp, text))


def test_family_name_first(nlp):
    text = ("Defence Minister Shin Won-sik told reporters that North Korea had shipped shells to Russia. "
            "Shin said North Korea had also sent missiles to Russia.")
    found = keys(extract(nlp, text))
    assert ("transfer", "PRK", "RUS", "missile", "KOR", "asserted") in found


def test_sources_deep_in_the_object_and_that_clauses_below_the_event(nlp):
    text = "Russia is receiving large quantities of shells from North Korea, according to South Korean officials."
    assert ("transfer", "PRK", "RUS", "artillery", "KOR", "asserted") in keys(extract(nlp, text))
    text = "The US Treasury designated eight entities in Iran and China that it said were involved in drone procurement."
    assert {k[4] for k in keys(extract(nlp, text)) if k[0] == "sanction"} == {"author"}


def test_a_weapon_carrying_out_strikes(nlp):
    text = "Turkish warplanes have reportedly carried out strikes against al-Shabaab."
    assert ("use", "TUR", "al-shabaab", "aircraft", "author", "hedged") in keys(extract(nlp, text))


def test_the_drones_bought_are_the_model_named_before(nlp):
    text = "Baykar has sold TB2 drones to many states. Romania's government approved the purchase of 18 of the drones."
    rec = next(r for r in extract(nlp, text) if r.recipient == "ROU" and "Romania" in r.evidence)
    assert (rec.actor, rec.weapon_class, rec.weapons) == ("TUR", "uav", [])   # the maker sells; no model written


def test_the_north_is_north_korea_once_north_korea_is_named(nlp):
    text = "North Korea has sent shells to Russia. Russia was buying millions of rockets from the North."
    assert ("transfer", "PRK", "RUS", "artillery", "author", "asserted") in keys(
        [r for r in extract(nlp, text) if "the North" in r.evidence])
    text = "Ships crossed the North Atlantic. Russia was buying rockets from the North."
    assert not [r for r in extract(nlp, text) if r.actor in ("PRK", "KOR")]


def test_destroying_boats_is_no_interception(nlp):
    text = "In May 2022 they destroyed Russian patrol boats near Snake Island, according to Ukraine's military."
    assert not [r for r in extract(nlp, text) if r.type == "use" and r.weapon_class == "naval"]
    text = "Ukraine's air force said it destroyed 30 Russian drones over Kyiv."
    assert ("use", "RUS", "UKR", "uav", "UKR", "asserted") in keys(extract(nlp, text))


def test_training_in_several_countries_is_training_by_each(nlp):
    text = "Ukrainian pilots have trained on the F-16 in Denmark, in Romania and in the United States."
    found = {(r.actor, r.location) for r in extract(nlp, text) if r.type == "training"}
    assert {("DNK", "DNK"), ("USA", "USA")} <= found


def test_a_drone_maker_is_a_firm_not_a_drone(nlp):
    text = "Turkish drone maker Baykar has signed an agreement to sell its Akinci combat drones to Saudi Arabia."
    assert ("transfer", "TUR", "SAU", "uav") in {k[:4] for k in keys(extract(nlp, text))}


def test_possessives_skip_places_in_relative_clauses_and_shipments_stay_with_the_article(nlp):
    text = ("Iran sends missiles to the Houthis, US officials say. "
            "The Houthis, who control much of northern Yemen, say their arsenal is built locally.")
    found = keys([r for r in extract(nlp, text) if "arsenal" in r.evidence])
    assert ("production", "houthis", "YEM", "arms", "houthis", "asserted") in found


def test_bans_under_a_body_s_instruments_are_its_sanctions(nlp):
    text = "Any arms trade with North Korea is banned under UN Security Council resolutions."
    assert ("sanction", "un", "PRK", None, "author", "asserted") in keys(extract(nlp, text))
    assert ("sanction", "un", "IRN", None, "author", "asserted") in keys(
        extract(nlp, "UN resolutions prohibit arms sales to Iran."))
    assert ("sanction", "DEU", "SAU", None, "author", "asserted") in keys(
        extract(nlp, "Germany banned arms exports to Saudi Arabia in 2018."))
    assert not [r for r in extract(nlp, "The law bans the sale of drones to minors.") if r.type == "sanction"]


def test_a_denial_paragraph_denies_the_last_accusations(nlp):
    text = ("North Korea sent missiles to Russia, Ukraine said.\n\n"
            "Moscow and Pyongyang have rejected the accusations as groundless.")
    found = keys([r for r in extract(nlp, text) if "groundless" in r.evidence])
    assert found == {("transfer", "PRK", "RUS", "missile", c, "denied") for c in ("PRK", "RUS")}


# Review findings: each of these misfired once.

def test_a_named_state_denying_is_not_both_parties(nlp):
    text = ("Iran has supplied hundreds of drones to Russia, according to Ukrainian officials. "
            "The United States denied the allegations.")
    assert {k[4] for k in keys(extract(nlp, text)) if k[5] == "denied"} == {"USA"}


def test_delivered_weapons_and_people_who_could_deliver_are_transfers(nlp):
    found = keys(extract(nlp, "Ukraine has begun flying F-16 fighter jets delivered by Denmark."))
    assert any(k[:2] == ("transfer", "DNK") for k in found)
    found = keys(extract(nlp, "Officials in Tehran said they could deliver more drones to Russia within weeks."))
    assert any(k[:3] == ("transfer", "IRN", "RUS") for k in found)


def test_models_are_forgotten_and_own_stock_is_not_bought_from_a_maker(nlp):
    text = "Turkey has sold Bayraktar TB2 drones to Ukraine.\n\nRussia, by contrast, now buys its drones abroad."
    assert not [r for r in extract(nlp, text) if r.recipient == "RUS" and r.actor == "TUR"]
    found = keys(extract(nlp, "Ukraine acquired its first F-16 fighter jets last summer."))
    assert not any(k[:2] == ("transfer", "USA") for k in found)


def test_counts_do_not_borrow_a_weapon_across_paragraphs(nlp):
    text = "Norway delivered F-16 jets to Ukraine.\n\nThe US has sent 2,000 to the region."
    assert not [r for r in extract(nlp, text) if r.actor == "USA" and r.weapon_class == "aircraft"]


def test_the_two_countries_are_named_in_one_sentence(nlp):
    text = "Iran has delivered drones to Russia. Kyiv has asked for help.\n\nThe two countries have denied the deal."
    assert "UKR" not in {r.claimant for r in extract(nlp, text)}


def test_a_pronoun_is_not_the_subject_of_a_side_clause(nlp):
    text = ("Germany will give Leopard tanks to Ukraine after Poland asked for permission, "
            "and it will also train Ukrainian crews.")
    assert not [r for r in extract(nlp, text) if r.type == "training" and r.actor == "POL"]


def test_more_after_an_attack_clause_is_not_the_attackers_weapon(nlp):
    text = "After Russian missiles struck Kyiv overnight, Germany promised to send more."
    assert not [r for r in extract(nlp, text) if r.actor == "DEU" and r.weapon_class == "missile"]


def test_an_unsought_receipt_is_not_a_transfer_in_return(nlp):
    text = ("The United States has sent HIMARS launchers to Ukraine.\n\n"
            "The US Army received its first new tanks this year.")
    assert not [r for r in extract(nlp, text) if r.actor == "UKR"]


def test_renewals_to_come_and_refusals_are_not_asserted(nlp):
    assert {r.stance for r in extract(nlp, "The EU will not renew its arms embargo on Belarus.")
            if r.type == "sanction"} <= {"hedged", "denied"}
    assert {r.stance for r in extract(nlp, "The EU will extend sanctions on Russia next month.")
            if r.type == "sanction"} == {"hedged"}


def test_urging_not_to_supply_is_a_warning(nlp):
    assert not extract(nlp, "The United States urged Iran not to supply ballistic missiles to Russia.")


def test_a_four_digit_count_of_weapons_is_a_count(nlp):
    rec = next(r for r in extract(nlp, "Russia delivered 2000 drones to Belarus.") if r.type == "transfer")
    assert rec.quantity is not None and rec.quantity.min == 2000


def test_the_defenders_weapon_is_not_part_of_the_attack(nlp):
    text = "Ukraine's air force said it had shot down a Russian Kinzhal missile with a US-supplied Patriot system."
    found = keys(extract(nlp, text))
    assert ("use", "RUS", "UKR", "missile", "UKR", "asserted") in found
    assert not any(k[3] == "air-defense" and k[0] == "use" for k in found)
    assert not any(k[:3] == ("transfer", "USA", "RUS") for k in found)
    assert ("transfer", "USA", "UKR", "air-defense", "UKR", "asserted") in found   # the Patriot was supplied
