"""Generic noise on outlets without rule files: real lines from the trafilatura-eval dev pages
and the chrome of current news sites, what goes (with the rule that removes it) and what must
stay."""

import pytest

DE_PARAGRAPH = (
    "Der Handelsverband Deutschland rechnet jetzt auch noch mit einem beschleunigten "
    "Ladensterben, weil viele Mittelständler ihre Geschäfte aufgeben wollen."
)
EN_PARAGRAPH = (
    "South Korean thriller Parasite was the upset winner at the Screen Actors Guild "
    "awards on Sunday, while Joaquin Phoenix won the best actor prize."
)
ES_PARAGRAPH = (
    "El Gobierno anunció el lunes un plan para contener la crisis de seguridad, "
    "que incluye más policías en las calles de la capital."
)
AFTER = {
    "de": "Im vergangenen Jahr hatten nach Angaben des Verbandes rund neuntausend Geschäfte "
    "in den Innenstädten für immer geschlossen.",
    "en": "Phoenix, who won for his role in Joker, thanked his fellow nominees and said the "
    "film had changed how he thought about his work.",
    "es": "La oposición criticó la propuesta y pidió al ministro que comparezca ante el "
    "Congreso antes del fin de mes.",
}
PARAGRAPH = {
    "de": DE_PARAGRAPH,
    "en": EN_PARAGRAPH,
    "es": ES_PARAGRAPH,
    "fi": "Vuodenaikojen vaihtuminen vaikuttaa mielialaan ja käyttäytymiseen lähes "
    "kaikilla suomalaisilla.",
    "zh": "即便日常已改变了模样，但生活依然要继续。纵然已有焦虑煎熬，但内心仍需要坚强。",
}
AFTER["fi"] = (
    "Ilmastonmuutoksen myötä talvista uhkaa tulla nykyistä lauhempia, sateisempia ja pimeämpiä."
)
AFTER["zh"] = "1月23日，武汉全面封闭离汉通道时，武汉三镇尚有900多万人口。"
PARAGRAPH["fr"] = (
    "Le conseil municipal a adopté lundi un nouveau budget qui augmente les dépenses pour les "
    "écoles et les routes."
)
AFTER["fr"] = (
    "Un vote final sur plusieurs amendements est attendu la semaine prochaine, a indiqué le maire."
)

GOES = [
    # (language, line, rule that removes it)
    ("de", "Das könnte Dich auch interessieren:", "de.lesen-sie-auch"),
    ("de", "Ähnliche Beiträge", "de.lesen-sie-auch"),
    ("de", "Schreibe einen Kommentar", "common.comment-form"),
    ("de", "Du musst angemeldet sein, um einen Kommentar abzugeben.", "de.comment-form"),
    ("de", "Diese Website verwendet Akismet, um Spam zu reduzieren.", "de.comment-form"),
    ("de", "ANZEIGE - Heute mal ausgehen/bestellen? Wie wäre es mit:", "de.advertisement"),
    ("de", "Aktualisiert am 17.01.2021.", "de.timestamp"),
    ("de", "Kategorie: News", "de.tags"),
    ("de", "Diesen Artikel teilen:", "de.teilen"),
    ("de", "Diese Seite:", "de.teilen"),
    ("de", "Der Verivox-Newsletter", "de.newsletter"),
    ("de", "Empfohlener redaktioneller Inhalt", "de.consent"),
    ("de", "Zurück zur Übersicht", "de.navigation"),
    ("de", "Sie sind aktuell nicht eingeloggt.", "de.login"),
    ("de", "Jede kleine Spende hilft", "de.donation"),
    ("de", "Dienstag, 4. Juni 2019", "common.date-only"),
    ("de", "ZfK.de > Energie > Wärme", "common.breadcrumb"),
    ("en", "Leave a Reply", "common.comment-form"),
    ("en", "Your email address will not be published.", "en.comment-form"),
    ("en", "Share this:", "common.widget-label"),
    # the chrome of news sites in the 2020s, as their scraped text prints it
    ("en", "Story continues below advertisement", "en.navigation"),
    ("en", "Listen to this article", "en.navigation"),
    ("en", "Support our journalism. Subscribe today.", "en.support-us"),
    ("en", "By signing up, you agree to our Terms of Use and Privacy Policy.", "en.consent"),
    ("en", "Want more stories like this? Sign up for our newsletter.", "en.newsletter-prompt"),
    ("en", "Breaking news and the latest updates, direct to your inbox.", "en.newsletter-signup"),
    ("en", "For more news, follow us on Instagram and Facebook.", "en.follow-us"),
    ("en", "Download our app", "en.app-promo"),
    ("en", "Watch: PM addresses the nation", "en.media-teaser"),
    ("en", "Read the full story here.", "en.read-full"),
    ("en", "Our Standards: The Thomson Reuters Trust Principles.", "en.editorial-standards"),
    ("en", "Got a confidential news tip? We want to hear from you.", "en.tip-prompt"),
    ("en", "Image caption, The minister arrived in London on Monday", "en.labelled-caption"),
    ("en", "File image of the Kremlin in Moscow.", "en.file-image-caption"),
    ("en", "Explore more on these topics", "en.also-read"),
    ("en", "Gift this article", "en.share-prompt"),
    ("en", "Do Not Sell My Personal Information", "en.consent"),
    ("en", "2 hours ago", "en.timestamp"),
    ("en", "Ad Feedback", "common.advertisement-label"),
    ("en", "… we have a small favour to ask. Millions turn to us for news.", "en.reader-appeal"),
    ("en", "If you appreciate our reporting, please consider a donation.", "en.reader-appeal"),
    ("en", "Support us on Patreon", "en.support-us"),
    ("en", "Remind me in September", "en.support-us"),
    ("en", "You must confirm your registration within 48 hours.", "en.account-dialog"),
    ("en", "Or, you can log in or sign up using Forbes.", "en.account-dialog"),
    ("en", "Stay logged in | Having trouble?", "en.account-dialog"),
    ("en", "Your username will appear next to your comments.", "en.account-dialog"),
    ("en", "Change text size", "en.article-tools"),
    ("en", "Show comments (12)", "en.comment-form"),
    ("en", "Page 1 2 « Previous Page Next Page »", "en.pagination"),
    (
        "en",
        "« How to write web content | Main | Music business hates free content »",
        "en.pagination",
    ),
    ("en", "Open image in gallery", "en.navigation"),
    ("en", "The email address you have entered is already in use.", "en.account-dialog"),
    ("en", "Get free e-mail alerts on these topics", "en.follow-us"),
    ("en", "View the full gallery »", "en.guillemet-link"),
    ("en", '<ul role="listbox" class="hdrsearchlistcomp">', "common.leaked-markup"),
    ("en", "21 votes", "common.engagement-count"),
    ("en", "Powered by WordPress VIP", "en.blog-chrome"),
    ("en", "All trademarks are property of their respective owners.", "en.copyright"),
    (
        "en",
        "The views expressed are those of the author and do not necessarily reflect ours.",
        "en.disclaimer",
    ),
    ("en", "Photo 3 of 20", "en.navigation"),
    ("de", "Mehr aus Politik", "de.lesen-sie-auch"),
    ("de", "Bildergalerie öffnen", "de.navigation"),
    ("de", "Noch kein Konto? Jetzt registrieren", "de.login"),
    ("de", "Fehler gefunden?", "de.navigation"),
    ("de", "Zur Kommentarfunktion", "de.comment-form"),
    ("de", "Alle akzeptieren", "de.consent"),
    ("de", "Direkt zum Inhalt", "de.navigation"),
    ("de", "Interessante Artikel", "de.lesen-sie-auch"),
    ("en", "Other interesting sites", "en.also-read"),
    ("de", "Schreibt seit 2008 für die taz. War Korrespondent in Stuttgart.", "de.author-bio"),
    ("en", "21 minutes - 4312 words", "en.timestamp"),
    ("fr", "Vous avez déjà un compte ? Connectez-vous", "fr.account-and-tools"),
    ("fr", "Afficher les commentaires", "fr.account-and-tools"),
    ("es", "¿No tienes cuenta? Regístrate", "es.account-and-tools"),
    ("es", "Tamaño de letra", "es.account-and-tools"),
    (
        "en",
        '<div align="center"><a href="http://clk.example.com/go/4"><img src="a.gif"></a></div>',
        "common.leaked-markup",
    ),
    (
        "en",
        "Beth Mole Beth is Ars Technica’s senior health reporter. She has a Ph.D.",
        "en.author-bio",
    ),
    ("en", "See all articles by Jane Smith", "en.author-bio"),
    (
        "en",
        "<SCRIPT language='JavaScript1.1' SRC=\"http://ad.example.net/adj/N5\"></SCRIPT>",
        "common.leaked-markup",
    ),
    ("de", "Artikel anhören", "de.navigation"),
    ("de", "Mit Plus weiterlesen", "de.login"),
    ("fr", "Réservé aux abonnés", "fr.page-furniture"),
    ("fr", "Publié le 3 mars 2024 à 10h15", "fr.page-furniture"),
    ("fr", "Écouter cet article", "fr.page-furniture"),
    ("es", "Contenido exclusivo para suscriptores", "es.page-furniture"),
    ("es", "Seguir leyendo", "es.lea-tambien"),
    ("en", "Pinterest", "common.social-network"),
    ("en", "PC Gamer Newsletter", "en.newsletter-signup"),
    ("en", "Subscribe now to our eNATION edition for the full story.", "en.paywall"),
    ("en", "Posted by K A", "common.english-byline"),
    ("en", "Release Date:", "en.timestamp"),
    ("en", "Related Topics", "en.also-read"),
    ("en", "We rely on your support to make local news available to all", "en.support-appeal"),
    ("en", "This article is the copyrighted property of Breaking Belize News.", "en.copyright"),
    (
        "es",
        "LE PUEDE INTERESAR: La ficha de Juan Orlando Hernández en el MDC de Nueva York",
        "es.lea-tambien",
    ),
    ("es", "Valora esta noticia", "es.page-furniture"),
    # blog-platform comment forms and share bars, in any language or mixed
    ("de", "Schreibe einen Kommentar Antworten abbrechen", "common.comment-form"),
    ("de", "Leave a Comment! Antworten abbrechen", "common.comment-form"),
    ("de", "Inhalt teilen", "common.share-bar"),
    ("de", "URL zum Kopieren", "common.share-bar"),
    ("de", "Zum Rezept Drucken Pinnen", "common.share-bar"),
    ("de", "Gefällt mir Wird geladen...", "common.share-bar"),
    (
        "en",
        "Email ThisBlogThis! Share to TwitterShare to FacebookShare to Pinterest",
        "common.share-bar",
    ),
    ("en", "Advertisement:", "common.advertisement-label"),
    # related-story headings, paywalls, author boxes
    ("de", "Empfehlungen aus der Redaktion", "de.lesen-sie-auch"),
    ("de", "Dich interessiert vielleicht auch", "de.lesen-sie-auch"),
    ("de", "Kostenlos registrieren und weiterlesen", "de.login"),
    ("de", "War der Artikel nützlich?", "de.rating"),
    ("de", "Cicero Newsletter", "de.newsletter"),
    ("de", "Redakteur in der Wirtschaft.", "de.author-box"),
    ("de", "Folge Oliver Baroni auf Twitter", "de.author-box"),
    ("en", "Explore further", "en.also-read"),
    (
        "en",
        "Perry Bacon Jr. is a senior writer for FiveThirtyEight. @perrybaconjr",
        "en.author-bio",
    ),
    ("es", "Mirá también", "es.lea-tambien"),
    ("de", "Benachrichtige mich über nachfolgende Kommentare via E-Mail.", "common.comment-form"),
    ("de", "There are 0 comments. Add yours.", "common.comment-form"),
    ("de", "Teile diesen Beitrag auf Social Media.", "common.share-bar"),
    # comment-form notices, newsletter offers, consent and self-introductions as sentences
    (
        "de",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "common.comment-form",
    ),
    (
        "de",
        "Meinen Namen, E-Mail und Website in diesem Browser speichern, bis ich wieder kommentiere.",
        "de.comment-notice",
    ),
    (
        "de",
        "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.",
        "de.comment-notice",
    ),
    (
        "de",
        "HINWEIS: Die Kommentarfunktion wird 2 Tage nach Veröffentlichungsdatum des Beitrages "
        "geschlossen.",
        "de.comment-notice",
    ),
    (
        "de",
        "Bitte geben Sie die Zahlenfolge in das nachfolgende Textfeld ein.",
        "de.comment-notice",
    ),
    ("de", "Ja, ich möchte den wöchentlichen Newsletter bekommen.", "de.newsletter-offer"),
    ("de", "Das ist Liebe in deinem Posteingang: Unser Newsletter!", "de.newsletter-offer"),
    (
        "de",
        "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen und per E-Mail Benachrichtigungen "
        "über neue Beiträge zu erhalten.",
        "de.newsletter-offer",
    ),
    (
        "de",
        "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine "
        "Verbindung zu Twitter her.",
        "de.data-consent",
    ),
    (
        "de",
        "Hallo, ich bin Foodbloggerin, Backbuchautorin, Journalistin und seit meiner Kindheit "
        "leidenschaftliche Bäckerin.",
        "de.self-introduction",
    ),
    ("de", "Mehr zu Klima und Konsum", "de.more-pointer"),
    ("de", "Weitere Infos unter www.itfjuniors.de.", "de.more-pointer"),
    ("de", "Sie lesen gern Achgut.com?", "de.more-pointer"),
    ("de", "Hier geht es zur neuen Vorstandsstruktur", "de.more-pointer"),
    (
        "de",
        "Die aktuelle Ausgabe der L-MAG jetzt an jedem Bahnhofskiosk, im Abo, als e-Paper und bei "
        "Readly erhältlich.",
        "de.print-promo",
    ),
    (
        "de",
        "Abbildung: Farblich codierte Schneehöhendarstellung auf Gipfelbuch.ch für das Mattertal",
        "de.figure-caption",
    ),
    ("de", "Veröffentlicht in: Originalbeitrag", "de.tags"),
    (
        "de",
        "Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter debianforum, Linux, "
        "Tutorials, Ubuntu, ubuntuusers.de.",
        "common.post-meta",
    ),
    (
        "en",
        "Dieser Eintrag wurde veröffentlicht in DenkanStoos-Treffen von bjoernlinder01. "
        "Permanentlink.",
        "common.post-meta",
    ),
    ("de", "← Aachen 1933 – 1945", "common.arrow-link"),
    (
        "en",
        "This site participates in the Amazon Associate program and earns revenue from qualifying "
        "purchases (links to books or products).",
        "en.advertising-disclosure",
    ),
    (
        "en",
        "We ask that comments are civil and free of libellous or hateful material. Also please "
        "stick to the topic under discussion.",
        "en.comment-policy",
    ),
    (
        "en",
        "Get regular updates on the latest tutorials, offers & news at Statistics Globe.",
        "en.updates-offer",
    ),
    ("es", "Temas Corte SupremaOrganismos de derechos humanos", "es.topic-list"),
    (
        "de",
        "Moritz Gathmann leitet das Ressort Berliner Republik bei Cicero. Er studierte Russistik "
        "und Geschichte in Berlin.",
        "de.author-bio",
    ),
    (
        "de",
        "Alexandra Sackmann Maria Tillessen (l.) und Alexandra Sackmann von den Wirtschaftsweibern "
        "mit dem Künstler und Stolperstein-Initiator Gunter Demnig",
        "de.position-caption",
    ),
    (
        "en",
        "Acting Chief Education Officer Joy Adamson (second from right) and other officials "
        "on tour of Blackman and Gollop Primary School.",
        "en.position-caption",
    ),
    ("de", "Lesezeit: 3 Minuten", "common.reading-time"),
    ("en", "NEW AND EXCITING SIMILAR DISHES FOR YOU TO TRY OUT", "en.similar-heading"),
    (
        "en",
        "Submit your letter to the editor via this form. Read more Letters to the Editor.",
        "en.letters-prompt",
    ),
    ("de", "SCHLIESSEN", "common.ui-label"),
    ("de", "Mehr erfahren", "common.ui-label"),
    # English theme furniture on pages in other languages
    ("de", "Related Posts", "common.english-related"),
    (
        "de",
        "1 Comment on Warum Wien zu blöd für eine staufreie Mahü ist",
        "common.english-comments",
    ),
    ("de", "View all essays by tag", "common.english-labels"),
    ("en", "↑ Back to top", "common.back-to-top"),
    ("de", "Nach oben", "common.back-to-top"),
    ("de", "By Franziska Dully", "common.english-byline"),
    (
        "de",
        "If you enjoyed reading this post – would you consider supporting our work? Just click "
        "here. Thanks!",
        "common.click-prompt",
    ),
    (
        "de",
        "DHB jetzt auch digital! Einfach hier klicken und für das digitale DHB registrieren!",
        "common.click-prompt",
    ),
    (
        "de",
        "SUGGESTED CITATION Sauer, Heiko: Expert*innen in der Krise, VerfBlog, 2020/4/09, "
        "https://verfassungsblog.de/expertinnen-in-der-krise/.",
        "common.citation-prompt",
    ),
    # notices, prompts and captions in a language's normal wording
    (
        "de",
        "Die Inhalte dieser Website sind unter einer Creative Commons-Lizenz lizenziert.",
        "common.licence-notice",
    ),
    (
        "de",
        "Wir informieren Sie regelmäßig zum Thema Neue Rechte und über die Arbeit von CORRECTIV.",
        "de.newsletter-blurb",
    ),
    ("de", "Es werden die Weine 1 bis 10 von insgesamt 19 angezeigt!", "de.result-count"),
    (
        "de",
        "Wer die Äste immer wieder auf die Wege zieht, ist unklar (Symbolbild).",
        "de.symbol-caption",
    ),
    ("de", "Judy Eddy/WENN.com", "caption.credit-line"),
    (
        "en",
        "NOTE: The advertising disclaimer below does not apply to this article, nor any "
        "originating from the Village Voice editorial department, which does not accept "
        "paid links.",
        "en.disclaimer",
    ),
    ("es", "Imágenes capturadas de video", "es.image-label"),
    (
        "de",
        "Bitte teilen Sie uns Ihre Erfahrungen mit, wenn Sie unseren Qualità Oro schon probiert "
        "haben.",
        "de.opinion-prompt",
    ),
    # languages with small rule files of their own
    (
        "fi",
        "Saat Ylen parhaat sisällöt suoraan sähköpostiisi! Tilaa niin monta kirjettä kuin haluat!",
        "fi.newsletter",
    ),
    (
        "fi",
        "Saksan liittokansleri Angela Merkel keskusteli keskiviikkona Berliinissä Suomen "
        "pääministerin Sanna Marinin (sd) kanssa. Kuva: ALEXANDER BECHER",
        "caption.credit",
    ),
    ("zh", "【纠错】", "zh.page-furniture"),
    ("zh", "关注新华网", "zh.page-furniture"),
    ("zh", "热门推荐", "zh.related-heading"),
]

STAYS = [
    # headings inside the article
    ("en", "Freedom fighters replace colonial leaders"),
    ("de", "Was hat dieser VPN-Anbieter zu bieten?"),
    # datelines
    (
        "de",
        "Berlin/Frankfurt (dpa) - Immer mehr junge Menschen legen ihre Hemmungen gegenüber "
        "den Finanzmärkten ab und tauchen ein in die Welt der Aktien.",
    ),
    (
        "en",
        "LOS ANGELES (Reuters) - South Korean thriller “Parasite” was the upset winner at the "
        "Screen Actors Guild (SAG) awards on Sunday.",
    ),
    # a country's trade, not an author's job
    ("en", "Brazil is the world's largest producer of coffee."),
    # Q&A lines
    ("en", "What would you be doing if you weren’t an artist?"),
    ("en", "L.A. WEEKLY: What is your short answer to people who ask what your work is about?"),
    # short quoted lines
    ("en", "“I love L.A.!”"),
    ("de", "„Ich weiß, ich bin nicht allein.“"),
    # list items that belong to the story
    ("de", "10G Infrastruktur für schnelles Surfen"),
    ("de", "VPN-Server schneiden euer Surfverhalten nicht mit"),
    ("en", "1 tablespoon ground cumin"),
    ("de", "Fixer Aluminiumstock"),
    ("de", "Konzeptpapier zur Beendigung der epidemischen Lage von nationaler Tragweite"),
    # a reader's question that names the job of the person answering it
    ("en", "Map and filter are sometimes faster than comprehensions"),
    ("de", "Neugierig geworden? Dann lass Dich von meinem Geheimnis in den Bann ziehen!"),
    (
        "de",
        "Wenn der Führende vorbeilaufen will, zieht die Folgende den Führenden an der Hüfte zurück",
    ),
    # a first-person opinion and a reader's greeting that are the story, not a self-introduction
    ("de", "Ich bin der Ansicht, abwarten und Tee trinken."),
    ("de", "Hallo liebe Martina,"),
    # pointers to sources that belong to the story
    ("de", "Lesen Sie dazu auch die Pressemitteilungen:"),
    ("de", "Weitere genutzte Quellen in englischer und chinesischer Sprache:"),
    # the licence of one work, which annotators count as part of it
    (
        "de",
        "Dieses Werk bzw. Inhalt steht unter einer Creative Commons "
        "Namensnennung-NichtKommerziell-KeineBearbeitung 3.0 Unported Lizenz.",
    ),
    # a duration in a recipe card
    ("de", "120 Minuten"),
    # the author's address and a republication note, which annotators keep with the article
    ("en", "Write to Sven Grundberg at sven.grundberg@dowjones.com"),
    ("en", "This post originally appeared at Fairy Tales for Twentysomethings."),
    # a caption after a media label
    ("en", "Video: police footage shows the arrest."),
    # an appeal's words quoted in a story
    ("en", "“We believe everyone deserves a fair trial,” the lawyer said."),
]


def cleaned(cleaner, lang, line):
    """`line` between two paragraphs of an article in `lang`."""
    return cleaner.clean(f"{PARAGRAPH[lang]}\n{line}\n{AFTER[lang]}\n", lang=lang)


@pytest.mark.parametrize("lang,line,rule", GOES, ids=[f"{r}:{text[:30]}" for _, text, r in GOES])
def test_noise_line_goes(cleaner, lang, line, rule):
    result = cleaned(cleaner, lang, line)
    assert line not in result.text.splitlines()
    assert [r.rule for r in result.removed if r.text == line] == [rule]


@pytest.mark.parametrize("lang,line", STAYS, ids=[text[:30] for _, text in STAYS])
def test_content_line_stays(cleaner, lang, line):
    result = cleaned(cleaner, lang, line)
    assert line in result.text.splitlines()
    assert not result.removed


def test_recipe_ingredient_is_not_a_date(cleaner):
    # "Fri" + "schhaltefolie" once read as a weekday: the date rule needs a real date
    assert "Frischhaltefolie" in cleaned(cleaner, "de", "Frischhaltefolie").text.splitlines()


def test_caption_label_needs_a_credit_after_it(cleaner):
    assert "Primary Funding Source:" in cleaned(cleaner, "en", "Primary Funding Source:").text


WAYBACK_TOOLBAR = [
    "Nov DEC Feb",
    "31",
    "2004 2005 2007",
    "29 captures",
    "31 Dec 2005 - 01 Dec 2016",
    "About this capture",
    "COLLECTED BY",
    "Organization: Alexa Crawls",
    "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
    "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
    "embargo period.",
    "Collection: Alexa Crawl EG",
    "Crawl EG from Alexa Internet. This data is currently not publicly accessible.",
]


@pytest.mark.parametrize("lang", ["en", "de", "es"])
def test_a_web_archive_toolbar_goes_on_a_page_of_any_language(cleaner, lang):
    text = "\n".join([*WAYBACK_TOOLBAR, PARAGRAPH[lang], AFTER[lang]]) + "\n"
    result = cleaner.clean(text)
    assert result.text == f"{PARAGRAPH[lang]}\n{AFTER[lang]}\n"
    assert {r.rule for r in result.removed} == {"webarchive.toolbar", "webarchive.collection-note"}


def test_back_to_top_goes_but_marks_no_page_chrome(cleaner):
    """Long articles print it under each section: it goes as boilerplate, not as navigation,
    which would mark page chrome around it (page_slots, Document.shows_chrome)."""
    result = cleaned(cleaner, "en", "Back to top")
    assert [(r.rule, r.category) for r in result.removed] == [("common.back-to-top", "boilerplate")]
