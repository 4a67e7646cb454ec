"""Political parties, movements and armed groups that news names by a word or two: world
knowledge the rules cannot infer.

A party is the organisation political news names most, and often by a name that looks like a
person's or a place's ("Fianna Fáil", "Golkar", "Fidesz", "Likud", "Morena"). The model has
rarely seen them; nothing in a three-line feed item says what they are. Like the other lists
(`knownorgs.py`), a name here is evidence for "organisation" in the type vote and is found where
the model missed it, but never where the article writes it in lowercase or a person's name
holds it. Only names that are almost never anything else are listed: no "Labour" or "Reform"
(words), no "Vox" or "Together".
"""

from __future__ import annotations

PARTIES: tuple[str, ...] = (
    # Europe
    "Fianna Fáil", "Fine Gael", "Sinn Féin", "Plaid Cymru", "Scottish National Party",
    "Democratic Unionist Party", "Alliance Party", "Fidesz", "Jobbik",     "Law and Justice", "Civic Platform", "Civic Coalition", "Konfederacja", "Lewica",
    "Syriza", "New Democracy", "Partido Popular", "Reform UK", "Free Democrats", "PASOK", "Podemos", "Sumar", "PSOE", "Ciudadanos",
    "Esquerra Republicana", "Junts", "Chega", "Bloco de Esquerda", "Rassemblement National",
    "National Rally", "La France Insoumise", "Les Républicains",     "Fratelli d'Italia", "Brothers of Italy", "Forza Italia", "Lega", "Five Star Movement",
    "Movimento 5 Stelle", "Partito Democratico", "Alternative für Deutschland", "AfD", "CDU",
    "CSU", "SPD", "FDP", "Die Linke", "Bündnis 90/Die Grünen", "BSW", "ÖVP", "FPÖ", "SPÖ",
    "Sverigedemokraterna", "Sweden Democrats", "Perussuomalaiset", "Finns Party",
    "Venstre", "Høyre", "Fremskrittspartiet", "Progress Party", "PVV", "VVD", "D66",
    "GroenLinks", "NSC", "BBB", "Vlaams Belang", "N-VA", "Smer", "Progresívne Slovensko",
    "ANO", "ODS", "Vazrazhdane", "GERB", "Georgian Dream", "United National Movement",
    "Servant of the People", "United Russia", "Yabloko", "SNS", "HDZ",     "AKP", "Justice and Development Party", "CHP", "Republican People's Party", "MHP",
    "DEM Party", "HDP", "İYİ Party",
    # Middle East and Africa
    "Likud", "Yesh Atid", "Shas", "Otzma Yehudit", "Hadash", "Ennahda", "Hamas", "Fatah",
    "Hezbollah", "Amal Movement", "Lebanese Forces", "Ba'ath Party",
    "African National Congress", "ANC", "Democratic Alliance", "Economic Freedom Fighters",
    "uMkhonto weSizwe", "Inkatha Freedom Party", "ZANU-PF", "Zanu-PF",
    "Citizens Coalition for Change", "Movement for Democratic Change", "ODM",
    "United Democratic Alliance", "Jubilee Party", "All Progressives Congress",
    "Peoples Democratic Party", "Labour Party of Nigeria", "New Patriotic Party", "NPP",
    "National Democratic Congress", "NDC", "Chama Cha Mapinduzi", "CCM", "Chadema",
    "National Resistance Movement", "National Unity Platform", "FRELIMO", "Frelimo",
    "RENAMO", "Renamo", "MPLA", "UNITA", "SWAPO", "Swapo", "Pastef", "RHDP", "Tawassol",
    "Al-Shabaab", "al-Shabaab", "Boko Haram", "M23", "Wagner Group", "Houthis", "Ansar Allah",
    "Hayat Tahrir al-Sham", "Jaish al-Adl", "Rapid Support Forces", "RSF",
    # Asia and the Pacific
    "Bharatiya Janata Party", "BJP", "Indian National Congress", "Aam Aadmi Party", "AAP",
    "Trinamool Congress", "Samajwadi Party", "Bahujan Samaj Party", "Shiv Sena", "DMK",
    "AIADMK", "Janata Dal (United)", "Rashtriya Janata Dal", "Telugu Desam Party",
    "Pakistan Tehreek-e-Insaf", "PTI", "Pakistan Muslim League-Nawaz", "PML-N",
    "Pakistan Peoples Party", "Muttahida Qaumi Movement", "Jamaat-e-Islami",
    "Awami League", "Bangladesh Nationalist Party", "BNP", "Jatiya Party",
    "Sri Lanka Podujana Peramuna", "National People's Power", "Samagi Jana Balawegaya",
    "Nepali Congress", "CPN-UML", "Rastriya Swatantra Party", "Golkar", "Gerindra", "PDI-P",
    "PKB", "PKS", "NasDem", "Partai Demokrat", "UMNO", "Pakatan Harapan", "Perikatan Nasional",
    "Barisan Nasional", "PAS", "People's Action Party", "Pheu Thai",     "People's Party", "Bhumjaithai", "Palang Pracharath", "Liberal Democratic Party",
    "Komeito", "Constitutional Democratic Party", "Nippon Ishin", "Democratic Party for the People",
    "Sanseito", "Reiwa Shinsengumi", "People Power Party", "Democratic Party of Korea",
    "Kuomintang", "KMT", "Democratic Progressive Party", "DPP", "Taiwan People's Party",
    "Lakas-CMD", "PDP-Laban", "Nacionalista Party", "Partido Federal ng Pilipinas",
    "Chinese Communist Party", "Workers' Party of Korea", "Taliban", "Tehreek-e-Labbaik",
    "Labor Party", "Liberal Party of Australia", "Te Pāti Māori", "ACT New Zealand",
    # The Americas
    "Democratic Party", "Republican Party", "GOP", "Democratic National Committee",
    "Republican National Committee", "Liberal Party of Canada", "Conservative Party of Canada",
    "New Democratic Party", "Bloc Québécois", "Morena", "PAN", "PRI", "Movimiento Ciudadano",
    "Workers' Party", "Partido dos Trabalhadores", "Partido Liberal", "Republicanos",
    "União Brasil", "PSDB", "PSOL", "Unión por la Patria", "La Libertad Avanza",
    "Juntos por el Cambio", "PRO", "Frente Amplio", "Partido Colorado", "Partido Nacional",
    "Pacto Histórico", "Centro Democrático", "Revolución Ciudadana", "ADN", "Fuerza Popular",
    "Perú Libre", "Renovación Popular", "Movimiento al Socialismo", "MAS",     "PSUV", "Vente Venezuela", "Nuevas Ideas", "Sandinista National Liberation Front",
    "FSLN", "Partido Republicano", "Partido Socialista", "Frente de Todos",
)  # fmt: skip
