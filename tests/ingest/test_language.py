from chipgraph.ingest import detect_language


def test_detects_three_languages() -> None:
    assert detect_language("The company said that it was selling its stake to the state.") == "en"
    assert detect_language("Het bedrijf zei dat het de chips niet meer aan de klant levert.") == "nl"
    assert detect_language("Das Unternehmen sagte, dass es die Chips nicht mehr an den Kunden liefert.") == "de"
    assert detect_language("") == "en"
