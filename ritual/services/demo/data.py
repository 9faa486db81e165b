"""Names, streets and towns for demo friends, from many countries (invented people, real places)."""

# country: (given names, family names, streets, [(city, postal code, region)])
PEOPLE = {
    "DE": (
        ["Lena", "Jonas", "Mia", "Felix", "Hannah", "Lukas", "Greta", "Paul"],
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Wagner", "Hoffmann"],
        ["Hauptstraße", "Lindenallee", "Gartenweg", "Bahnhofstraße", "Schillerstraße"],
        [("Berlin", "10115", ""), ("Hamburg", "20095", ""), ("München", "80331", ""), ("Leipzig", "04109", "")],
    ),
    "FR": (
        ["Camille", "Louis", "Chloé", "Hugo", "Manon", "Jules", "Léa", "Arthur"],
        ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand"],
        ["rue de la Paix", "avenue Victor Hugo", "rue des Lilas", "boulevard Voltaire"],
        [("Paris", "75011", ""), ("Lyon", "69002", ""), ("Marseille", "13001", ""), ("Nantes", "44000", "")],
    ),
    "GB": (
        ["Olivia", "George", "Amelia", "Harry", "Isla", "Oscar", "Freya", "Arthur"],
        ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker"],
        ["High Street", "Station Road", "Church Lane", "Victoria Road", "Mill Lane"],
        [("London", "SW1A 1AA", ""), ("Leeds", "LS1 4AP", ""), ("Bristol", "BS1 5TR", ""), ("York", "YO1 7HH", "")],
    ),
    "US": (
        ["Emma", "Liam", "Ava", "Noah", "Sophia", "Elijah", "Grace", "James"],
        ["Johnson", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Anderson", "Lee"],
        ["Maple Street", "Oak Avenue", "Pine Road", "Cedar Lane", "Elm Street"],
        [("Portland", "97205", "OR"), ("Boston", "02108", "MA"), ("Austin", "78701", "TX"), ("Denver", "80202", "CO")],
    ),
    "JP": (
        ["Yui", "Haruto", "Aoi", "Sota", "Hina", "Ren", "Sakura", "Yuto"],
        ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura"],
        ["1-2-3 Jingumae", "4-5-6 Nishiki", "2-8-1 Umeda", "3-1-1 Kita"],
        [("Shibuya-ku, Tokyo", "150-0001", "Tokyo"), ("Kyoto", "600-8216", "Kyoto"), ("Osaka", "530-0001", "Osaka")],
    ),
    "BR": (
        ["Ana", "Miguel", "Beatriz", "Davi", "Júlia", "Gabriel", "Larissa", "Pedro"],
        ["Souza", "Silva", "Santos", "Oliveira", "Pereira", "Lima", "Costa", "Ferreira"],
        ["Rua das Flores", "Avenida Paulista", "Rua do Sol", "Rua Augusta"],
        [("São Paulo", "01310-100", "SP"), ("Recife", "50030-230", "PE"), ("Curitiba", "80010-000", "PR")],
    ),
    "IT": (
        ["Giulia", "Leonardo", "Sofia", "Francesco", "Aurora", "Lorenzo", "Alice", "Matteo"],
        ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"],
        ["Via Roma", "Via Garibaldi", "Corso Italia", "Via Dante"],
        [("Milano", "20121", "MI"), ("Bologna", "40121", "BO"), ("Napoli", "80132", "NA")],
    ),
    "ES": (
        ["Lucía", "Hugo", "Martina", "Mateo", "Paula", "Daniel", "Carmen", "Pablo"],
        ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez"],
        ["Calle Mayor", "Calle del Sol", "Avenida de la Constitución", "Calle Real"],
        [("Madrid", "28013", ""), ("Sevilla", "41004", ""), ("Valencia", "46002", "")],
    ),
    "PL": (
        ["Zofia", "Jakub", "Zuzanna", "Antoni", "Maja", "Jan", "Hanna", "Szymon"],
        ["Nowak", "Kowalska", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Woźniak"],
        ["ul. Długa", "ul. Kwiatowa", "ul. Polna", "ul. Lipowa"],
        [("Kraków", "31-001", ""), ("Gdańsk", "80-001", ""), ("Wrocław", "50-001", "")],
    ),
    "GR": (
        ["Eleni", "Giorgos", "Maria", "Nikos", "Katerina", "Dimitris", "Sofia", "Yannis"],
        ["Papadopoulos", "Georgiou", "Nikolaou", "Dimitriou", "Ioannou", "Vlachos", "Pappas", "Karalis"],
        ["Odos Ermou", "Odos Athinas", "Odos Aiolou", "Leoforos Syngrou"],
        [("Athina", "105 63", ""), ("Thessaloniki", "546 24", "")],
    ),
    "IN": (
        ["Aarav", "Ananya", "Vihaan", "Diya", "Arjun", "Isha", "Rohan", "Meera"],
        ["Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Das", "Menon"],
        ["MG Road", "Park Street", "Brigade Road", "Linking Road"],
        [("Bengaluru", "560001", "Karnataka"), ("Kolkata", "700016", "West Bengal"), ("Mumbai", "400050", "Maharashtra")],
    ),
    "NG": (
        ["Chiamaka", "Tunde", "Ngozi", "Emeka", "Amina", "Segun", "Folake", "Ifeanyi"],
        ["Okafor", "Adeyemi", "Okonkwo", "Bello", "Eze", "Balogun", "Nwosu", "Abubakar"],
        ["Allen Avenue", "Awolowo Road", "Adeola Odeku Street"],
        [("Lagos", "100271", "Lagos"), ("Abuja", "900211", "FCT")],
    ),
    "CA": (
        ["Chloé", "Liam", "Maya", "Ethan", "Zoé", "Owen", "Léa", "Nathan"],
        ["Tremblay", "Roy", "Gagnon", "MacDonald", "Campbell", "Côté", "Wong", "Singh"],
        ["Rue Sainte-Catherine", "Queen Street West", "Granville Street", "Elgin Street"],
        [("Montréal", "H2X 1Y4", "QC"), ("Toronto", "M5V 2T6", "ON"), ("Vancouver", "V6B 1A1", "BC")],
    ),
    "SE": (
        ["Alva", "Elias", "Saga", "William", "Ella", "Hugo", "Astrid", "Oliver"],
        ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson"],
        ["Storgatan", "Drottninggatan", "Kungsgatan", "Skolgatan"],
        [("Stockholm", "111 52", ""), ("Göteborg", "411 06", ""), ("Uppsala", "753 10", "")],
    ),
    "AU": (
        ["Charlotte", "Jack", "Matilda", "Oliver", "Ruby", "Thomas", "Zara", "Henry"],
        ["Nguyen", "Smith", "Kelly", "Murphy", "Ryan", "Thompson", "White", "Martin"],
        ["George Street", "Collins Street", "Queen Street", "King William Street"],
        [("Sydney", "2000", "NSW"), ("Melbourne", "3000", "VIC"), ("Brisbane", "4000", "QLD")],
    ),
}

CIRCLES = ["family", "school", "university", "work", "book club", "pen pals", "neighbours", "choir", "climbing"]
RELATIONSHIPS = ["friend", "friend", "friend", "family", "pen pal", "colleague", "mentor", "partner"]
HOW_MET = [
    "met at a friend's wedding",
    "shared a flat at university",
    "pen pals since a school exchange",
    "sat next to each other on a night train",
    "neighbours for six years",
    "same choir on Thursdays",
    "worked together on the first job",
    "met at a climbing gym",
]
NOTES = [
    "Loves postcards with old maps.",
    "Collects stamps from everywhere; use a nice one.",
    "Prefers letters to phone calls.",
    "Just moved; check the address before the holidays.",
    "Writes back in green ink.",
    "Keeps every card on the fridge.",
]
