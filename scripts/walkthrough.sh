#!/usr/bin/env bash
# Scenario A of the case handbook (Sanne Veenstra, Ooststellingwerf, begeleiding in natura),
# walked through the running system with curl. Start it first with `make run`.
#   bash scripts/walkthrough.sh
# Each step prints what a case worker would look at; the rule IDs say why.
set -euo pipefail
cd "$(dirname "$0")/.."

INTAKE=${INTAKE:-http://127.0.0.1:8001}
INDICATIE=${INDICATIE:-http://127.0.0.1:8003}
FINANCE=${FINANCE:-http://127.0.0.1:8004}
# Against make run the tokens are minted with the development key; against an installation
# with an OIDC provider (docker compose, Kubernetes) set them from that provider.
TOKEN=${TOKEN:-$(make -s token ROLE=gebiedsteam GEMEENTE=0085)}
AANBIEDER=${AANBIEDER:-$(make -s token ROLE=aanbieder GEMEENTE=0085 AGB=12345678)}
FINANCIEN=${FINANCIEN:-$(make -s token ROLE=financien GEMEENTE=0085)}
BEHEER=${BEHEER:-$(make -s token ROLE=beheer GEMEENTE=0085)}

post() {  # post URL TOKEN JSON → prints the body, fails on an error status
  curl -sS --fail-with-body -X POST "$1" -H "Authorization: Bearer $2" \
    -H "Content-Type: application/json" -H "Idempotency-Key: $(python3 -c 'import uuid;print(uuid.uuid4())')" \
    -d "$3"
}
field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1"; }
step() { printf '\n== %s\n' "$1"; }

# A fresh BSN that passes the 11-proef, so the walk-through can run more than once.
BSN=$(python3 -c '
import random
while True:
    b = f"{random.randrange(10**7, 10**8):08d}"
    c = sum(int(d) * w for d, w in zip(b, range(9, 1, -1))) % 11
    if c != 10: print(b + str(c)); break')

step "1. Cliënt registreren (gemeente 0085 komt uit het token)"
CLIENT=$(post "$INTAKE/api/v1/clienten" "$TOKEN" "{\"bsn\":\"$BSN\",\"voornamen\":\"Sanne\",
  \"achternaam\":\"Veenstra\",\"geboortedatum\":\"1991-05-04\",\"telefoon\":\"0612345678\",
  \"email\":\"sanne@example.nl\",\"adres\":{\"straat\":\"Stationsstraat\",\"huisnummer\":\"12\",
  \"postcode\":\"8431AB\",\"woonplaats\":\"Oosterwolde\"}}")
CLIENT_ID=$(echo "$CLIENT" | field "['id']"); echo "cliënt $CLIENT_ID"

step "2. Melding via de huisarts op 9 februari 2026: onderzoekstermijn (INT-01), persoonlijk plan (INT-14)"
MELDING=$(post "$INTAKE/api/v1/meldingen" "$TOKEN" "{\"clientId\":\"$CLIENT_ID\",
  \"ontvangstdatum\":\"2026-02-09\",\"kanaal\":\"huisarts\",
  \"hulpvraag\":\"Ze opent haar post niet meer, mist afspraken en zit de hele dag thuis.\"}")
MELDING_ID=$(echo "$MELDING" | field "['id']")
echo "$MELDING" | field "['onderzoekstermijn']"
echo "$MELDING" | field "['persoonlijkPlanTermijn']" 2>/dev/null || true

step "3. Onderzoek zonder gewezen op cliëntondersteuning wordt geweigerd (INT-02)"
curl -sS -X POST "$INTAKE/api/v1/meldingen/$MELDING_ID/onderzoeken" -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: application/json" -d '{"startdatum":"2026-02-12"}' | field "['rules']" || true

step "4. Gewezen op gratis cliëntondersteuning; ze wil MEE erbij (INT-02, INT-15)"
post "$INTAKE/api/v1/meldingen/$MELDING_ID/clientondersteuning-berichten" "$TOKEN" \
  '{"datum":"2026-02-10","wijze":"gesprek","clientWilClientondersteuning":true,"mantelzorger":"gewezen","organisatie":"MEE"}' >/dev/null
echo "vastgelegd"

step "5. Onderzoek: de zes vragen (INT-05), de afwegingsladder (INT-06), afstemming (INT-11)"
ONDERZOEK_BODY=$(python3 - <<'PY'
import json
vragen = ["hulpvraag", "problemen", "benodigde_ondersteuning", "eigen_mogelijkheden",
          "extern_advies", "conclusie"]
treden = ["eigen_kracht", "algemeen_gebruikelijke_voorziening", "gebruikelijke_hulp",
          "mantelzorg", "sociaal_netwerk", "algemene_voorziening", "voorliggende_wet"]
factoren = ["omstandigheden_en_mogelijkheden", "zorgverzekeringswet", "jeugdwet", "onderwijs",
            "betaald_werk", "scholing", "participatiewet", "gezindheid_levensovertuiging_cultuur"]
print(json.dumps({
    "startdatum": "2026-02-12",
    "antwoorden": [{"vraag": v, "antwoord": f"Antwoord op {v}."} for v in vragen],
    "conclusie": {"hulpvraagVolledigOpgelost": False, "passendeMaatwerkvoorziening": True},
    "externAdvies": "niet_nodig",
    "hulpvraagdelen": ["structuur", "administratie"],
    "ladder": [{"trede": t, "lostOp": []} for t in treden],
    "opties": [{"naam": "IBO-3", "kosten": "4000", "dekt": ["structuur", "administratie"]}],
    "afstemming": [{"factor": f, "vanToepassing": False, "toelichting": "n.v.t."} for f in factoren],
    "resultaatgebieden": [],
    "begeleiding": {
        "levensdomeinen": {"psychisch_functioneren": 2, "praktisch_functioneren": 2,
                           "sociaal_functioneren": 2, "dagbesteding": 2, "financien": 1},
        "kenmerken": {"belastbaarheid": "normaal", "problematiek": "fluctuerend",
                      "verwachting": "verbetering"},
        "resultaatgebieden": ["b", "c", "f", "k"],
        "netwerk": "ondersteunend",
        "aard": "individuele_begeleiding",
        "begindatum": "2026-04-01",
    },
}))
PY
)
ONDERZOEK=$(post "$INTAKE/api/v1/meldingen/$MELDING_ID/onderzoeken" "$TOKEN" "$ONDERZOEK_BODY")
ONDERZOEK_ID=$(echo "$ONDERZOEK" | field "['id']"); echo "onderzoek $ONDERZOEK_ID"

step "6. Advies van de indicatie-service over HTTP (IND-05, IND-07, IND-10, IND-11)"
ADVIES=$(post "$INTAKE/api/v1/onderzoeken/$ONDERZOEK_ID/indicatie-adviezen" "$TOKEN" '{}')
echo "$ADVIES" | python3 -c '
import json, sys
a = json.load(sys.stdin)["antwoord"]
ib = a["individueleBegeleiding"]
print("aard:", a["aard"]["aard"])
for p in ib["rangorde"]["profielen"][:3]:
    print("  profiel", p["profiel"], "punten", p["punten"])
print("omvang:", ib["omvang"]["minimum"], "-", ib["omvang"]["maximum"], "voorgesteld", ib["omvang"]["voorgesteld"])
print("plus:", ib["plus"]["status"], " duur:", ib["duur"]["maanden"], "maanden")
print("regels:", sorted({r["rule"] for r in a["regels"]}))'

step "7. Aanvraag op 16 maart: beschikkingstermijn (INT-03)"
AANVRAAG=$(post "$INTAKE/api/v1/aanvragen" "$TOKEN" "{\"meldingId\":\"$MELDING_ID\",
  \"ontvangstdatum\":\"2026-03-16\",\"voorzieningen\":[{\"omschrijving\":\"individuele begeleiding\"}]}")
AANVRAAG_ID=$(echo "$AANVRAAG" | field "['id']")
echo "$AANVRAAG" | field "['beschikkingstermijn']"

step "8. De consulent legt de indicatie vast: IBO-3, 3,5 uur per week, 12 maanden"
INDICATIE=$(post "$INDICATIE/api/v1/indicaties" "$TOKEN" "{\"bsn\":\"$BSN\",
  \"aanvraagId\":\"$AANVRAAG_ID\",\"aard\":\"individuele_begeleiding\",
  \"profiel\":\"IBO-3\",\"plus\":false,\"omvang\":\"3.5\",\"perceel\":\"individuele_begeleiding\",
  \"productcategorie\":\"02\",\"productcode\":\"02A03\",\"begindatum\":\"2026-04-01\",
  \"einddatum\":\"2027-03-31\",\"motivering\":\"Iets onder typisch: haar zus ondersteunt.\"}")
INDICATIE_ID=$(echo "$INDICATIE" | field "['id']"); echo "indicatie $INDICATIE_ID"

step "9. Beschikking: ZIN, 210 minuten per week, met eigen bijdrage; verzonden 25 maart (INT-04)"
BESCHIKKING=$(post "$INTAKE/api/v1/beschikkingen" "$TOKEN" "{\"meldingId\":\"$MELDING_ID\",
  \"aanvraagId\":\"$AANVRAAG_ID\",\"soort\":\"toekenning\",\"besluitdatum\":\"2026-03-25\",
  \"motivering\":\"Na het onderzoek blijft ondersteuning bij structuur en administratie over.\",
  \"maatwerkvoorzieningen\":[{\"leveringsvorm\":\"zin\",\"productcategorie\":\"02\",
  \"productcode\":\"02A03\",\"omschrijving\":\"IBO-3 regulier\",
  \"omvang\":{\"volume\":210,\"eenheid\":\"01\",\"frequentie\":\"2\"},\"begindatum\":\"2026-04-01\",
  \"einddatum\":\"2027-03-31\",\"eigenBijdrage\":true,\"motivering\":\"Resultaten b, c, f en k.\",
  \"indicatieId\":\"$INDICATIE_ID\",\"aanbiederAgb\":\"12345678\"}]}")
BESCHIKKING_ID=$(echo "$BESCHIKKING" | field "['id']")
VERZONDEN=$(post "$INTAKE/api/v1/beschikkingen/$BESCHIKKING_ID/verzendingen" "$TOKEN" '{"verzenddatum":"2026-03-25"}')
echo "$VERZONDEN" | field "['bezwaartermijn']"
MV_ID=$(echo "$VERZONDEN" | field "['maatwerkvoorzieningen'][0]['id']")

step "10. Opdracht aan de aanbieder (AAN-01), gecontracteerd in het aanbiedersregister (AAN-09); de aanbieder accepteert; zorgplan binnen 6 weken (AAN-02)"
curl -sS -X POST "$INTAKE/api/v1/aanbieders" -H "Authorization: Bearer $BEHEER" -H "Content-Type: application/json" \
  -H "Idempotency-Key: $(python3 -c 'import uuid; print(uuid.uuid4())')" \
  -d '{"agb":"12345678","kvk":"12345678","naam":"Zorg BV","contact":{"email":"info@zorg.example.nl"},
       "producten":[{"productcategorie":"02","ingangsdatum":"2026-01-01"}],
       "kwaliteit":[{"soort":"kwaliteitssysteem","datum":"2025-06-01"}]}' > /dev/null
OPDRACHT=$(post "$INTAKE/api/v1/opdrachten" "$TOKEN" "{\"maatwerkvoorzieningId\":\"$MV_ID\",
  \"doelen\":[\"Zelf de post afhandelen\",\"Dagstructuur\"]}")
OPDRACHT_ID=$(echo "$OPDRACHT" | field "['id']")
# verstrektOp is a moment in UTC; the day it was issued is the day in Amsterdam (between
# midnight there and in UTC the two differ, and a date before the issuing is refused)
VERSTREKT=$(echo "$OPDRACHT" | python3 -c 'import datetime as dt, json, sys, zoneinfo
m = dt.datetime.fromisoformat(json.load(sys.stdin)["verstrektOp"].replace("Z", "+00:00"))
print(m.astimezone(zoneinfo.ZoneInfo("Europe/Amsterdam")).date())')
post "$INTAKE/api/v1/opdrachten/$OPDRACHT_ID/acceptaties" "$AANBIEDER" "{\"datum\":\"$VERSTREKT\"}" | field "['status']"
curl -sS "$INTAKE/api/v1/opdrachten/$OPDRACHT_ID/wmo301" -H "Authorization: Bearer $AANBIEDER" | head -c 300; echo " ..."

step "11. De eigen bijdrage loopt: finance registreerde de voorziening voor het CAK (FIN-12, via de outbox)"
for _ in $(seq 1 30); do
  FOUND=$(curl -sS -X POST "$FINANCE/api/v1/cak-voorzieningen/_zoek" -H "Authorization: Bearer $FINANCIEN" \
    -H "Content-Type: application/json" -d "{\"bsn\":\"$BSN\"}" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["resultaten"]))')
  [ "$FOUND" != "0" ] && break; sleep 1
done
echo "CAK-register: $FOUND voorziening(en) voor deze cliënt"

step "12. De werkvoorraad van de gemeente met termijnen en hun status"
curl -sS "$INTAKE/api/v1/werkvoorraad?limit=5" -H "Authorization: Bearer $TOKEN" | python3 -c '
import json, sys
for w in json.load(sys.stdin)["resultaten"][:5]:
    print(" ", w)' | cut -c1-160
