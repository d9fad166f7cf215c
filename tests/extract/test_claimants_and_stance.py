"""Claimants named by description or set apart from the sentence's main speaker, and stances that a
verb over the event settles (session 4, issue 10).

Invented sentences, one construction each (the real pages are never copied here).
"""
from __future__ import annotations

from armstrace.extract import extract_doc
from armstrace.records import Article, Record


def extract(nlp, text: str) -> list[Record]:
    return extract_doc(nlp(text), Article(doc_id="t", text=text))


def claims(records: list[Record], actor: str) -> set[tuple[str, str]]:
    return {(r.claimant, r.stance) for r in records if r.actor == actor}


def test_a_closing_which_denial_is_the_denying_party_s_claim(nlp):
    text = ("In March, the State Department accused Belarus of delivering rockets to the Wagner group, "
            "which Minsk also denied.")
    found = claims(extract(nlp, text), "BLR")
    assert ("USA", "asserted") in found and ("BLR", "denied") in found
    # a denier that is no party to the event denies something else
    found = claims(extract(nlp, "Iraq bought tanks from Russia last year, which Washington denied."), "RUS")
    assert found == {("author", "asserted")}


def test_a_state_named_by_description_speaks_through_its_official(nlp):
    text = ("Yemen's Houthi movement used drones in Monday's strike on Bahrain, the Gulf state's ambassador "
            "to the United Nations said.")
    assert claims(extract(nlp, text), "houthis") == {("BHR", "asserted")}
    # the reported clause's own subject state is the one described
    text = ("Algeria's air force fired missiles at rebel camps in Mali, the North African country's defence "
            "minister said.")
    assert claims(extract(nlp, text), "DZA") == {("DZA", "asserted")}
    # a newspaper of the country is no voice of the state
    text = "Chile bought tanks from Germany, the country's largest newspaper said."
    assert claims(extract(nlp, text), "DEU") == {("author", "asserted")}


def test_a_report_is_its_author_s_claim(nlp):
    text = "Kenya received drones from Turkey in 2021, according to a report by UN experts."
    assert claims(extract(nlp, text), "TUR") == {("un", "asserted")}
    text = ("Myanmar's military used Chinese jets in air strikes on villages, said the report by Maria Lopez, "
            "the UN special rapporteur on Myanmar. Myanmar's army also dropped two bombs from a Yak-130 on "
            "a village, the report said.")
    assert {r.claimant for r in extract(nlp, text) if r.actor == "MMR"} == {"un"}
    # a report by an NGO stays the author's, and so does "the report" after it
    text = ("Eritrea sent rifles to the RSF, according to a report by Amnesty International. "
            "Eritrea also sent mortars to the RSF, the report said.")
    assert {r.claimant for r in extract(nlp, text) if r.actor == "ERI"} == {"author"}


def test_a_refused_or_blocked_transfer_is_denied(nlp):
    assert claims(extract(nlp, "Norway refused to send tanks to Poland."), "NOR") == {("author", "denied")}
    assert claims(extract(nlp, "Sweden declined to supply fighter jets to Ukraine."), "SWE") == {("author", "denied")}
    text = "Austria has blocked Germany from sending shells to Ukraine, the government said."
    assert claims(extract(nlp, text), "DEU") == {("AUT", "denied")}
    # a prevention that is itself negated lets the event happen
    text = "Austria has not prevented Germany from sending shells to Ukraine."
    assert ("author", "denied") not in claims(extract(nlp, text), "DEU")
    # the refusal must bear on the event itself, not on something said about it
    text = "Czech officials declined to name the sellers of the shells that Ukraine received from Slovakia."
    assert ("author", "denied") not in claims(extract(nlp, text), "SVK")


def test_reported_speech_runs_on_through_modal_sentences(nlp):
    text = ("A Spanish army officer said further aid could include mortars. Other options could involve "
            "training. Spain and Italy could also tighten sanctions against Belarus.")
    found = {(r.actor, r.claimant) for r in extract(nlp, text) if r.type == "sanction"}
    assert ("ESP", "ESP") in found
    # a new paragraph ends the reported speech
    text = "A Spanish army officer said further aid could include mortars.\n\nSpain could tighten sanctions against Belarus."
    assert {r.claimant for r in extract(nlp, text) if r.type == "sanction"} == {"author"}


def test_a_stateless_nationality_beside_a_state_adds_the_author(nlp):
    text = "Russia is receiving shells from Iran, Western and Israeli officials said."
    assert claims(extract(nlp, text), "IRN") == {("ISR", "asserted"), ("author", "asserted")}
    text = "Russia is receiving shells from Iran, US and Israeli officials said."
    assert claims(extract(nlp, text), "IRN") == {("ISR", "asserted"), ("USA", "asserted")}


def test_the_content_of_unowned_allegations_is_hedged(nlp):
    text = "The panel said allegations that Chad supplied rifles to the RSF were credible."
    assert {r.stance for r in extract(nlp, text) if r.actor == "TCD"} == {"hedged"}
    # the holder's own allegation is its claim, as it says it
    text = "Britain's allegation that Chad supplied rifles to the RSF was rejected."
    assert claims(extract(nlp, text), "TCD") == {("GBR", "asserted")}
    # a denial of the allegations stays a denial
    text = "Tehran rejected allegations that it supplied drones to Russia."
    assert claims(extract(nlp, text), "IRN") == {("IRN", "denied")}


def test_a_permission_in_the_past_is_hedged_a_standing_one_is_not(nlp):
    text = "Berlin allowed Latvia to send six old howitzers to Ukraine."
    assert {r.stance for r in extract(nlp, text) if r.actor == "LVA"} == {"hedged"}
    text = "The new law allows Latvian officers to undergo training in Germany."
    assert {r.stance for r in extract(nlp, text) if r.type == "training"} == {"asserted"}


def test_a_trailing_speaker_with_an_apposed_name_and_a_prepositional_title(nlp):
    text = ("The Turkish drone maker Baykar has begun building a factory in Kenya that will produce its drones, "
            "Kenya's ambassador to "
            "Turkey, John Mwangi, said, under an agreement the two governments signed in 2022.")
    assert {r.claimant for r in extract(nlp, text) if r.type == "production"} == {"KEN"}


def test_a_parenthetical_report_before_the_event_attributes_it(nlp):
    text = ("Seoul's spy agency said Belarus had sent shells to Russia. In return, the spy agency believes, "
            "Belarus may be receiving Chinese technical help for its satellite programme.")
    assert claims(extract(nlp, text), "CHN") == {("KOR", "hedged")}


def test_analysts_monitors_and_newspapers_of_a_nationality_are_the_author_s(nlp):
    text = "A Ukrainian military analyst said Russia sent jets to Iran."
    assert claims(extract(nlp, text), "RUS") == {("author", "asserted")}
    # a monitor reporting in its own name asserts; a newspaper reporting on its own is relayed
    text = "The independent Belarusian monitoring group Hajun has reported trains carrying Belarusian tanks to Russia."
    assert {(r.claimant, r.stance) for r in extract(nlp, text)} == {("author", "asserted")}
    text = "A Russian newspaper reported that Russia sent jets to Iran."
    assert claims(extract(nlp, text), "RUS") == {("author", "hedged")}
    # state media and officials still speak for their state
    assert claims(extract(nlp, "Russian state media reported that Russia sent jets to Iran."), "RUS") == {("RUS", "asserted")}
    assert claims(extract(nlp, "A US defense official said Russia sent jets to Iran."), "RUS") == {("USA", "asserted")}


def test_a_deal_naming_only_arms_is_the_pair_s_deal_of_the_article(nlp):
    text = ("Moldova has received Javelin anti-tank missiles from the United States, its defence minister said. "
            "The US agency approved a $50 million arms deal with Moldova in May. "
            "Moscow claims the sale will destabilise the region.")
    found = {(r.weapon_class, r.claimant) for r in extract(nlp, text) if r.actor == "USA"}
    assert ("anti-tank", "RUS") in found and ("arms", "RUS") not in found
    # with two classes between the pair, the deal stays unspecified
    text = ("Moldova has received Javelin missiles and Humvees from the United States. "
            "Moscow claims the arms deal will destabilise the region.")
    assert ("arms", "RUS") in {(r.weapon_class, r.claimant) for r in extract(nlp, text) if r.actor == "USA"}


def test_a_finding_reported_by_a_state_is_the_state_s_claim(nlp):
    text = ("Israel's army said on Tuesday that an examination of debris indicated that a missile Hezbollah "
            "fired at Haifa had been made in Iran.")
    assert {r.claimant for r in extract(nlp, text) if r.actor == "hezbollah"} == {"ISR"}
    # a named person's finding stays the person's (the author's)
    text = "Israel's army said Professor Cohen found that Hezbollah fired a missile at Haifa."
    assert {r.claimant for r in extract(nlp, text) if r.actor == "hezbollah"} == {"author"}


def test_an_untied_official_after_a_state_s_statement_speaks_for_that_state(nlp):
    text = ("South Africa's defence ministry said on Monday it was reviewing all export permits.\n\n"
            "Spokesman Siphiwe Dlamini said the ministry had not sold any shells to Saudi Arabia since 2019.")
    assert claims(extract(nlp, text), "ZAF") == {("ZAF", "denied")}
    # a rebel commander does not
    text = ("South Africa's defence ministry said on Monday it was reviewing all export permits. "
            "Rebel commander Joao Mabunda said Mozambique had bought shells from South Africa.")
    assert {r.claimant for r in extract(nlp, text) if r.recipient == "MOZ"} == {"author"}


def test_a_denial_set_inside_the_sentence_is_the_denier_s_claim(nlp):
    for text in ("Ukraine says Iran supplied drones to Russia, but Tehran denies it.",
                 "Iran supplied drones to Russia, according to Ukraine, though Tehran has denied doing so.",
                 "Ukraine says Iran supplied drones to Russia, an accusation rejected by Tehran."):
        assert claims(extract(nlp, text), "IRN") == {("UKR", "asserted"), ("IRN", "denied")}, text
    # a denier who is no party denies something else
    text = "Ukraine says Iran supplied drones to Russia, but Turkey denies it."
    assert claims(extract(nlp, text), "IRN") == {("UKR", "asserted")}


def test_a_state_taking_a_stand_on_another_s_deal_claims_it(nlp):
    text = ("Azerbaijan expressed concerns about the cooperation between Georgia and Turkey and requested a "
            "reconsideration of Turkey's decision to supply drones to Georgia.")
    assert claims(extract(nlp, text), "TUR") == {("AZE", "asserted")}
    text = "Greece voiced concern over Turkey's purchase of fighter jets from the United States."
    assert claims(extract(nlp, text), "USA") == {("GRC", "asserted")}
    # a request for weapons of one's own stays the requester's hedged wish, not a stand on a deal
    assert {r.stance for r in extract(nlp, "Ukraine requested tanks from Germany.")} == {"hedged"}


def test_a_weapon_origin_only_reported_in_a_relative_clause_is_hedged(nlp):
    text = ("The Sudanese army used TB2s, alongside Iranian Mohajer-6 and Chinese Wing Loong drones that it "
            "reportedly also acquired, in its war against the RSF.")
    found = {(r.actor, r.stance) for r in extract(nlp, text) if r.type == "transfer" and r.recipient == "SDN"}
    assert ("CHN", "hedged") in found and ("IRN", "hedged") in found and ("CHN", "asserted") not in found
    text = "Russia used Iranian drones that it bought last year against Ukraine."
    assert {r.stance for r in extract(nlp, text) if r.actor == "IRN"} == {"asserted"}
