"""French and English wording the problem-definition checks look for.

Every pattern runs on :func:`wizard.core.checks.wording.fold` text: lower case, no
accents, straight apostrophes. Keep them whole-word and bilingual.
"""

from __future__ import annotations

import re

from wizard.core.checks.wording import words

_W = r"[\w'-]+"  # one word, elisions included ("d'appel")
_SUPPLIER = (
    r"(?:sources?|suppliers?|vendors?|venders?|providers?|distributors?|dealers?|resellers?|manufacturers?"
    r"|fournisseurs?|distributeurs?|societes?|firmes?|entreprises?|soumissionnaires?|editeurs?|fabricants?)\b"
)  # a supplier noun (P-BYPASS: "a single supplier", « seule la société »)

ACQUIRE = words(
    # English
    r"buy|buys|buying|bought|purchas(?:e|es|ed)|purchasing(?! (?:program|power|cooperative|agreement|contract|division|department|manager|card|polic|network|alliance|consortium|officer|process|act|rules|manual|practice|arrangement|group|entit|schedule|vehicle))|acquir(?:e|es|ed|ing)|procur(?:e|es|ed|ing)"
    r"|replac(?:e|es|ed|ing) (?:[\w'-]+ ){1,6}?with|furnishing|install(?:s|ed|ing)?|implement(?:s|ed|ing)?|deploy(?:s|ed|ing)?|replac(?:e|es|ed|ing)"
    r"|upgrad(?:e|es|ed|ing)(?: to)?|subscrib(?:e|es|ed|ing) to"
    r"|licen[cs](?:e|es|ed|ing)|adopt(?:s|ed|ing)?|roll(?:s|ed|ing)? out|get|obtain"
    # a move to a product, its object between ("move it to a more common platform", « basculé
    # les 600 ordinateurs … vers Linux »)
    r"|(?:migrat(?:e|es|ed|ing)|switch(?:es|ed|ing)?|mov(?:e|es|ed|ing)|transition(?:s|ed|ing)?)"
    r"(?: (?:it|them|everything|(?:the|our|its|their|all|these|those|all of (?:the|our)) (?:[\w-]+ ){0,3}?[\w-]+))?"
    r"(?: from(?: [\w'-]+){1,5}?)? to"
    r"|standardi[sz](?:e|es|ed|ing) on"
    # a product to acquire named as a noun or a wish ("the procurement of X", "an investment in X")
    r"|(?:procurement|implementation|acquisition|introduction|deployment|purchase|replacement|adoption) of"
    r"|(?:an )?investments? in|(?:desires?|desired|wish(?:es)?) (?:a|an|to acquire|to purchase|to obtain)"
    # money given to it ("to pay for 60 cameras", "the allocation of funds for X software")
    # and its introduction ("a proponent of introducing a body worn camera program")
    r"|pay(?:s|ing)? for|(?:allocat\w*|appropriat\w*|earmark\w*) (?:of )?(?:the )?(?:funds?|funding|monies|money) for"
    r"|introduc(?:e|es|ing)"
    r"|enter(?:s|ing)? into (?:a|an) (?:[\w-]+ ){0,3}?(?:contract|agreement|lease) with"
    r"|invit(?:e|es|ing) (?:sealed )?(?:bids|proposals) for"
    # French
    r"|achet\w*|achat|achats|acquer\w*|acquisition|acquiert|s'?equiper|se procurer|procurer"
    r"|install(?:er|e|ons|ez|ent|ation)|implant(?:er|ons|ation)|deploy(?:er|ons|ez)|deploiement"
    r"|remplac(?:er|e|ons|ez|ement) (?:[\w'-]+ ){1,6}?par|fourniture (?:d'|de|des|du)|fournir"
    r"|remplac(?:er|e|ons|ez|ement)|renouvel(?:er|ons|lement)|s'abonner a|abonnement a"
    r"|chang(?:er|e|ent|ement) (?:de |d'|des |les |plusieurs |nos |notre |leur |son |sa |ses )|adopt(?:er|ons|ez)|(?:se )?doter (?:de|d'|des|du)|obtenir|mettre en place"
    r"|mise en place (?:de|d'|des|du)"
    r"|(?:migr(?:er|ons|ez|ation)|bascul(?:er|ons|ement)) (?:vers|a|au|aux)"
    r"|(?:migr|bascul)\w* (?:les|ses|nos|leurs|son|sa|notre|leur|tous les|toutes les) (?:[\w'-]+ ){0,8}?vers"
    r"|(?:faire )?pass(?:er|e|ons|ez|ent|age) (?:a|au|aux|vers|sur)|faire passer"
    r"|(?:l')?(?:introduction|implantation|adoption) (?:d'|de|du|des)|(?:un )?investissement dans"
    r"|invest(?:ir|it|issons|ira|iront)? (?:[\w'$]+ ){0,4}?(?:pour|dans|in)"
)
"""An acquisition verb (buy, install, migrate to … / acheter, installer, migrer vers …)."""

SOLUTION = words(
    r"software|softwares|systems?|technolog(?:y|ies)|technologies?|solutions?|platforms?|applications?|apps?|tools?|suites?"
    r"|licen[cs]es?|subscriptions?|products?|modules?|erp|crm|gis|saas|versions?|packages?"
    r"|programs?|programmes?|portals?|databases?|cloud|hardware|devices?|servers?|tablets?"
    r"|cameras?|radios?|drones?|kiosks?|sensors?|switch(?:es)?|routers?|firewalls?"
    r"|computers?|laptops?|desktops?|notebooks?|workstations?|printers?|copiers?|(?:tele)?phones?|handsets?"
    r"|ordinateurs?|portables?|imprimantes?|photocopieurs?|telephones?"
    r"|logiciels?|systemes?|plateformes?|outils?|abonnements?|produits?|progiciels?|pgi|sig"
    r"|portails?|bases? de donnees|infonuagique|nuage|equipements?|materiels?|serveurs?"
    r"|tablettes?|appareils?|capteurs?|bornes?|postes? de travail|gestion electronique des documents|ged"
    r"|equipment|infrastructures?"
)
"""A solution type (software, system, platform … / logiciel, système, plateforme …)."""

EVALUATION_FRAME = words(
    r"evaluat\w*|assess\w*|feasibility|whether|explor\w*|compar\w*|stud(?:y|ies)"
    r"|evaluer|evaluation|faisabilite|opportunite|explorer|comparer|etudier|etude"
)
"""Before the verb, a frame that turns it into a question to study, not a decision."""

HISTORY = re.compile(
    r"\W+(?:(?:back |first |originally )?(?:in|on|since|around|en|depuis|vers) (?:[\w']+,? ){0,2}?(?:19|20)\d\d\b"
    r"|(?:\w+ ){1,2}years? ago\b|il y a (?:\w+ ){1,2}ans?\b)"
)
"""After a past acquisition verb, a date or an age: the history of the current system
("Installed in 2016, these switches …", « acquis en 2009 »), not a request."""

HARDSHIP = words(
    r"(?:would|will|could|might|is|are|was|were) (?:be )?(?:\w+ )?(?:challenging|costly|difficult"
    r"|expensive|disruptive|prohibitive|impractical|complex|risky|time-consuming|unfeasible|detrimental|harmful"
    r"|not (?:be )?(?:feasible|practical|possible|viable))"
    r"|(?:serait|seraient|sera|est|serait) (?:\w+ )?(?:couteu\w*|difficile|complexe|risque\w*"
    r"|onereu\w*|irrealiste)"
)
"""After a gerund of acquisition, a hardship: the change is argued against, not asked
for ("transitioning to a different solution would be highly challenging")."""

ARGUED_BEFORE = words(
    r"(?:it )?(?:would|will|is) (?:be )?(?:\w+ )?(?:inappropriate|unnecessary|premature|unjustified|unwise|costly|impractical)"
    r" (?:to|for)|(?:il )?(?:serait|sera|est) (?:\w+ )?(?:inapproprie|inutile|premature|injustifie|couteux|irrealiste)"
    r" (?:de|d'|que|qu')"
)
"""Before an acquisition verb, a frame that argues against it ("it would be premature to
buy …", « il serait inapproprié que la municipalité … acquière »)."""

BYPASS = (
    re.compile(
        rf"\bwithout (?:{_W} ){{0,4}}?(?:tender\w*|bid\w*|call for (?:tenders|bids|proposals)"
        r"|competition|competitive \w+|rfp|rfq|procurement process|going to (?:tender|market))\b"
    ),
    words(
        r"(?:sole|single)[- ]sourc\w*|no[- ]bid|direct (?:award|contract|purchase|procurement)\w*|piggyback\w*"
    ),
    re.compile(
        rf"\b(?:waiv\w*|skip\w*|bypass\w*|avoid\w*|circumvent\w*|sidestep\w*|forg?o(?:ing)?|dispens\w* with)"
        rf" (?:{_W} ){{0,3}}?(?:tender\w*|bid\w*|competition|competitive|rfp|procurement process|call for)"
    ),
    re.compile(
        rf"\b(?:through|via|under|using) (?:{_W} ){{0,5}}?(?:agreement|deal|standing offer|arrangement)"
        rf" (?:{_W} ){{0,6}}?(?:instead of|rather than|without|to (?:skip|avoid|bypass)) (?:{_W} )?"
        r"(?:tender\w*|bid\w*|competition)"
    ),
    re.compile(
        rf"\bsans (?:{_W} ){{0,5}}?(?:d')?(?:appels? d'offres|concurrence|mise en concurrence"
        r"|soumissions?|processus d'approvisionnement)"
    ),
    words(r"(?:de )?gre a gre|fournisseur unique|source unique|octroi direct|attribution directe"),
    # co-operative and group purchasing, piggybacking, standing offers, framework agreements
    words(
        r"cooperative (?:contracts?|purchas\w*|agreements?|arrangements?|programs?)|co-?op (?:contract|purchas\w*)"
        r"|group purchas\w*|purchasing (?:alliance|cooperative|consortium|program)|(?:the |a )?state contract"
        r"|interlocal (?:participation )?agreement|standing offers?|framework (?:agreements?|contracts?)"
        r"|master agreement|proprietary (?:justification|purchase|procurement|contract|nature)"
        # one supplier named as the only one: "sole distributor", "a single supplier", "only
        # one vendor", "no third party product", « seule la société », « aucun autre fournisseur »
        rf"|(?:sole|single|only (?:one|a single|the)|one single|exclusive) (?:{_W} )?{_SUPPLIER}"
        rf"|\bno (?:other|third[- ]party|alternative|competing) (?:{_W} )?(?:{_SUPPLIER}|products?)"
        rf"|(?:seule?s?|unique|exclusi\w+) (?:la |le |l')?(?:{_W} )?{_SUPPLIER}"
        r"|exception to competitive bidding"
        # the competition held by another body ("Bids were taken by the Cooperative")
        r"|(?:bids?|proposals?|tenders?|quotes?) (?:were |was |have been |had been )?(?:taken|solicited|received|issued"
        r"|conducted|evaluated) by (?:the |a |an )?(?:[\w-]+ ){0,3}?(?:cooperative|co-operative|consortium|state"
        r"|county|agency|alliance)"
        # the purchasing rules waived ("Purchasing By-law … be waived", "a waiver of the
        # Council's Contract Procedure Rules")
        r"|(?:purchasing|procurement|contract|tendering|bidding) (?:by-?laws?|polic(?:y|ies)|rules|procedures?"
        r"|standing orders?)(?: [\w#.,'-]+){0,6}? (?:be|is|are|was|were|being) waived"
        r"|waiv(?:e|es|ed|ing|er)(?: of)? (?:the )?(?:[\w']+ ){0,2}?(?:purchasing|procurement|contract|tendering|bidding)"
        r" (?:by-?laws?|polic(?:y|ies)|rules|procedures?|standing orders?)"
        r"|waiv\w* (?:the )?(?:requirement for )?(?:formal |competitive )*(?:bid|bidding|bids)\b\w*"
        r"|(?:competitive )?(?:bidding|procurement|bids?)(?: and advertisement)? (?:is|are) not required"
        r"|participate in any bid or proposal issued by"
        # joint, co-operative or intergovernmental buying under any noun
        r"|(?:cooperative|co-operative|joint|collective|interlocal|intergovernmental|piggy-?back)"
        r" (?:public )?(?:procurement|purchas\w*|buying) (?:agreements?|contracts?|programs?|arrangements?|vehicles?)"
        # an exception to the bidding process, another body's contract
        r"|exceptions? to (?:the )?(?:typical |normal |usual |regular )?(?:public |competitive |formal )*"
        r"(?:bidding|bid|procurement|tendering)(?: process| requirements?)?"
        r"|(?:contract|bid|bid process|agreement)s? (?:initiated|awarded|administered|established|let|issued)"
        r" by another (?:\w+ ){0,2}?(?:agency|entity|body|jurisdiction|government|municipality)"
        r"|(?:may|can|could) only be (?:purchased|obtained|acquired|procured|supplied|bought) (?:from|through)"
        r"|only available (?:from|through) (?:one|a single|the)"
    ),
    words(
        r"ententes?-cadres?|regroupements? d'achats?|achats? regroupes?|centre d'acquisitions\w*"
        r"|par l'entremise (?:du|de la|des|de l')|fournisseurs? exclusifs?|droits exclusifs"
        # exclusive rights as the reason for a negotiated procedure (« titulaire de droits
        # d'exclusivité », « disposait d'un droit d'exclusivité »)
        r"|droits? d'exclusivite"
        r"|aucun autre fournisseur|n'a pas a lancer (?:un )?(?:nouvel )?appel d'offres"
        # sole source in French: « marché d'exclusivité », « appel d'offres unique »
        r"|(?:uniquement|seulement|exclusivement) (?:aupres (?:de|d'|du|des)|chez|par l'entremise (?:de|d'|du|des))"
        r"|marches? d'exclusivite|contrats? d'exclusivite|appels? d'offres? uniques?|soumissionnaire unique"
        r"|marches? complementaires?|marches? negocies?"
    ),
    re.compile(
        rf"\b(?:evit\w*|contourn\w*|court-circuit\w*|passer outre|se soustraire|renonc\w* a|derog\w* a)"
        rf" (?:{_W} ){{0,3}}?(?:d')?(?:appels? d'offres|(?:la )?concurrence|processus)"
    ),
    re.compile(r"\b(?:dispense|exemption|derogation)s? (?:\w+ ){0,2}?(?:d')?appels? d'offres"),
    # exempt from bidding, an emergency purchase, a single quote
    words(
        r"exempt(?:ed|ion)? from (?:the )?(?:\w+ ){0,2}?(?:bid|bids|bidding|procurement|tender\w*|competition)"
        r"|emergency (?:purchase|procurement|contract|acquisition)s?|a single (?:quote|quotation)"
        r"|achat d'urgence|une seule soumission"
    ),
    # competition avoided under other names (issue 19, seventh round): a waiver whose object
    # is a competitive rule ("Waive Board Policy A-87, which requires competitive
    # procurement"), a state contract or bid under any name ("the Oklahoma State Purchasing
    # Contract", "Western State Contracting Alliance", "through State bid"), a public
    # framework ("the Government Procurement Service framework"), pooled buying power, an
    # urgency invoked (« invoquant une situation d'urgence et un cas de force majeure »)
    words(
        r"waiv\w*(?: [\w#.,'-]+){0,6}? (?:competitive|competition|bid|bids|bidding|tender\w*)"
        r"|state (?:(?:purchasing|procurement|cooperative|master|price|pricing|term|replacement|negotiated"
        r"|awarded|wide) )?(?:contracts?|contracting)|(?:through|under|via|from) (?:the )?state bids?"
        r"|(?:procurement|purchasing|buying)(?: [\w-]+){0,2}? frameworks?"
        r"|(?:pool\w*|leverag\w*|combin\w*|aggregat\w*) (?:the |their |our |its )?(?:buying|purchasing) power"
        r"|invoqu\w*\W+(?:[\w']+\W+){0,3}?(?:d')?(?:urgence|force majeure)|on (?:an|the) emergency basis"
    ),
    # joining a purchasing group or another body's agreement ("join the UMQ group purchase",
    # « adhérer au regroupement de l'UMQ », « participer à l'entente du CAG »)
    re.compile(
        r"\b(?:join(?:s|ed|ing)?|participat\w* in|take part in|taking part in|sign\w* on to|enrol\w* in"
        r"|opt\w* into|adher\w*|particip\w*|(?:se |nous )?join\w*|rejoind\w*|s'inscri\w*|nous inscri\w*)"
        r" (?:a |au |aux |to )?(?:[\w'-]+ ){0,4}?(?:(?:l')?(?:group (?:purchas\w*|buy\w*)|purchasing (?:group|program)"
        r"|buying group|cooperative|co-operative|consortium|(?:joint|collective|cooperative) (?:purchas\w*|procurement)"
        r"|regroupements?|(?:l')?ententes?|achats? regroupes?|cooperatives?|consortiums?|mandats? (?:d'achat|regroupe)))\b"
    ),
    # one supplier by exclusive availability or ownership ("available only through X",
    # "the owner of the proprietary software", « disponible uniquement chez X »)
    re.compile(
        r"\b(?:(?:available|sold|supplied|obtainable|offered|provided|distributed)(?: only| exclusively| solely)"
        r"|(?:only|exclusively|solely) (?:available|sold|supplied|obtainable|offered|provided|distributed)"
        r"|(?:disponibles?|vendue?s?|offerte?s?|distribuee?s?|fournie?s?) (?:uniquement|exclusivement|seulement))"
        r" (?:from|through|by|via|par|chez|aupres)\b"
        r"|\b(?:owners?|owns|holders?|holds)(?: of)? (?:the |all )?(?:proprietary|exclusive|sole|intellectual property)\b"
    ),
    # buying through a group purchasing organisation (U.S. and Canadian cooperatives, the
    # Ontario Vendor of Record arrangements, Québec's Collecto and CAG)
    re.compile(
        r"\b(?:through|via|under|using|from|with|par l'entremise (?:de|du|d')|aupres (?:de|du)|par|de)"
        r" (?:the |la |le |l')?(?:sourcewell|naspo(?: valuepoint)?|omnia partners|buyboard|hgac ?buy"
        r"|gsa (?:schedule|advantage)|canoe(?: procurement)?|kinetic gpo|oecm|supply ontario|collecto"
        r"|(?:ontario )?vendor of record)\b"
    ),
)
"""Wording that avoids open competition (P-BYPASS)."""

_AMOUNT = (
    r"(?:\$ ?\d|\d[\d .,']{0,24}\s?(?:\$|\u20ac|euros?|dollars?|francs?|fr\.|chf|millions?|milliers)"
    r"|plus d'un million|un million)"
)
"""An amount of money (P-PRESUME: a saving stated as an amount). Its run of figures is
bounded ("1 250 000,00" is 12 characters): an unbounded run, tried from every figure of a
long run without a currency, was quadratic, and the checks run on each keystroke."""

PRESUME = (
    words(
        r"low[- ]cost|cheap(?:er|est)?|inexpensive|(?:less|least) expensive|lower[- ]cost"
        r"|costs? less|saves? money|the best (?:solution|product|system|option|choice|tool)"
        r"|best[- ]in[- ]class|free of charge|costs? nothing|no cost"
        r"|only (?:the )?licen[cs]es?|licen[cs]e (?:cost|fee)s? only"
        r"|only (?:costs?|pay) (?:for )?(?:the )?licen[cs]es?"
        # claims of superiority
        r"|the (?:very )?best(?! interests?)|best[- ]suited|most suitable|(?:better|improved|preferential|lower) (?:pricing|prices?|rates?|terms|value)|best (?:value|practices?|fit|in the market)|(?:recogni[sz]ed )?industry[- ]standard"
        r"|the most (?:robust|reliable|efficient|secure|advanced|cost[- ]effective|powerful|complete)"
        r"|above all others|superior to (?:all|any|other)\w*|outperforms?"
        r"|(?:the |a )?leaders? in (?:the|its|their) (?:field|industry|market)|(?:industry|market) leaders?"
        r"|leading (?:[\w-]+ ){0,2}?(?:providers?|vendors?|suppliers?|manufacturers?|companies|company|firms?)"
        r"|(?:very|highly|extremely) reliable|competitive(?:ly)? (?:in )?pric\w*"
        r"|proven|better (?:business )?practices|will save|saves? (?:the (?:city|town) )?(?:money|significantly)"
        # a saving claimed before the market scan ("a savings of about $100,000")
        r"|(?:a |significant |substantial |considerable )?savings? of|significant(?:ly)? (?:savings?|less)"
        r"|sav(?:e|es|ing) (?:\w+ ){0,5}?(?:money|costs?|dollars)|(?:results?|resulting) in (?:\w+ )?savings?"
        r"|(?:large |deep |significant |substantial )?volume discounts?"
        # savings and standards claimed in the plural or by a verb ("yield substantial
        # savings", "meets industry standards", "less costly", "to save on maintenance")
        r"|(?:significant|substantial|considerable|major|important|large|huge|tremendous|dramatic)"
        r" (?:cost |annual |operational |operating |long[- ]term )?savings?"
        r"|(?:yield|generat|produc|achiev|realiz|realis|deliver|bring|offer)\w* (?:\w+ ){0,3}?savings?"
        r"|(?:less|least) costly|sav(?:e|es|ing) on|industry[- ]standards"
        # the best by a verb, a discount ("best meets the needs", "discounted pricing")
        r"|best (?:meets?|suits?|serves?|fits?|satisf\w*|address\w*)|discounted pric\w*"
    ),
    words(
        r"faible cout|bas cout|a moindre cout|peu couteu\w*|(?:le |la )?moins ch[eè]re?s?"
        r"|moins couteu\w*|bon marche|la meilleure (?:solution|option|offre)"
        r"|le meilleur (?:produit|systeme|choix|outil)|meilleurs? (?:prix|tarifs?)|ne coute rien|sans frais"
        r"|(?:seulement|uniquement|que) (?:la |les |des |de )?licences?"
        r"|cout des licences seulement|gratuit\w*"
        r"|(?:le |la )?meilleure?s? (?:solution|produit|systeme|choix|outil|pratique)s?|la norme de l'industrie"
        r"|norme (?:reconnue )?de l'industrie|standard de l'industrie|le plus (?:robuste|fiable|performant|complet)"
        r"|la plus (?:robuste|fiable|performante|complete|adaptee)|le mieux adapte\w*|le plus adapte|eprouve\w*|fera economiser|permettra d'economiser"
        r"|(?:gener\w*|realis\w*|procur\w*|entrain\w*|fai(?:re|t|sons|ra|ront|sait)|degag\w*)"
        r" (?:des |d'importantes |de grandes )?economies"
        # a saving claimed by a verb (« la région économise environ 100 000 euros », « nous
        # allons économiser 500 000 euros », « en gagnant de l'argent »)
        r"|econom(?:ise|isent|iser|isera|iseront|iserait|isons|isez|ie) (?:environ |pres de |plus de |jusqu'a "
        r"|au moins |quelque )?(?:\d+|un|une|des|demi\w*|de l'argent)|gagn\w* (?:de l'|du )?argent"
        r"|economies? d'echelle|economies? de volume|(?:une |des )?economies? (?:annuelles? )?(?:de |d')(?:\d|plus|pres)"
        r"|epargn\w+ (?:un |une |des |plus |pres )?(?:\d|demi|million|milliers)"
        r"|(?:d')?(?:importantes|grandes|substantielles|considerables) economies|economies (?:importantes|substantielles|considerables)"
        # a saving in the singular, savings of a kind (« une économie importante », « des
        # économies de câblage »)
        r"|(?:une |l')?economie (?:importante|substantielle|considerable|significative)"
        r"|(?:des|d'importantes|de grandes) economies (?:de|d') ?[a-z]\w*"
    ),
    # a saving stated as an amount, in any tense ("will save $40,000 a year", « 76 500 €
    # qui seront ainsi économisés », « faire économiser un million », « un gain de 150 euros »)
    re.compile(
        rf"\b(?:econom(?:is|isa)\w*|sav(?:e|es|ed|ing)) (?:[\w'-]+ ){{0,5}}?{_AMOUNT}"
        rf"|{_AMOUNT}\s(?:[\w'-]+ ){{0,5}}?(?:economis\w*|saved|saving)\b"
        r"|\bfaire economiser\b"
        rf"|\bgains? (?:[\w'-]+ ){{0,2}}?(?:est |sont |of |de |d')?(?:de |d'|of )?{_AMOUNT}"
    ),
)
"""Wording that presumes the solution is the best or cheapest, or costs only licences."""

NEED = (
    words(
        r"(?:need|needs|needed) (?:to|a way|for)|must be able|(?:be|is|are) able to|feasibility"
        r"|(?:evaluat|assess)(?:e|es|ing)? (?:the )?(?:benefits|options|feasibility|needs)"
        r"|we (?:must|have to)|i have to|requires? the ability"
    ),
    words(
        r"(?:ai|avons|a|ont|avez|aurons|aura|aurait) besoin (?:de|d'|des|du)|besoin de pouvoir"
        r"|(?:dois|doit|devons|devez|doivent|devrait|devrions|faut) (?:\w+ )?pouvoir"
        r"|etre en mesure (?:de|d')|evaluer les (?:avantages|besoins|options)|faisabilite"
    ),
    # "nous devons réduire …", "il faut réduire …": a modal then a verb in the infinitive
    # ("il nous faut quelque chose" has no verb: still no need stated)
    re.compile(
        r"\b(?:je dois|nous devons|on doit|vous devez|il (?:nous |me |leur )?faut)"
        r" (?:(?:absolument|mieux|aussi|encore|d'abord|rapidement) )?"
        r"(?:(?:nous|vous|me|se|le|la|les|en|y) |[mstl]')?"
        r"(?!(?:notre|votre|autre|entre|contre|quatre|leur)\b)[a-z]+(?:er|ir|re|oir)\b"
    ),
)
"""A need verb (P-NEED: its absence is reported)."""

MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
)
"""The months in English and French, folded, ``|``-separated."""
_PAST_YEAR = (
    r"(?:(?:in|since|during|until|en|depuis|durant|jusqu'en|debut|fin|early|late|mid-?)"
    r" (?:(?:early|late|mid|fiscal|the year|l'annee) )?"
    rf"(?:(?:{MONTHS})(?: of)? )?"
    r"|on (?:january|february|march|april|may|june|july|august|september|october|november|december)"
    r" \d{1,2},? |le \d{1,2}(?:er)? (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre"
    r"|novembre|decembre) )(?:19\d\d|20[01]\d|202[0-5])"
)
PAST_YEAR = words(_PAST_YEAR)
"""A past year or date ("in 2012", "in April 2005", "on February 1, 2022", « début 2008 »,
« en mars 2019 », « le 3 mai 2019 »):
the history of what the Town has."""

CURRENT = words(
    r"current(?:ly)?|existing|old|older|aging|ageing|legacy|outdated|antiquated|obsolete|in place|in use"
    r"|uses|used|using(?! (?:a|an|the|its|their) (?:[\w-]+ ){0,5}?(?:contract|agreement|program|cooperative|schedule|vehicle))|utiliz\w+|utilis\w+|relies on|rely on|relying on|installed|deployed|end[- ]of[- ]life"
    r"|has reached|have reached|no longer|since (?:19|20)\d\d|our|crash\w*|fails|cannot|can't"
    r"|(?:its|their) last (?:major )?(?:upgrade|update|release)|(?:has|have) not been (?:kept up to date|upgraded|updated)"
    r"|out of date|unsupported|went live"
    r"|actuel\w*|existant\w*|toujours|depuis|vieil\w*|vieux|desuet\w*|en place|fin de vie|notre|nos"
    r"|plante|ne fonctionne|ne peu(?:t|vent) (?:pas|plus)|ne repond plus|n'est plus (?:supporte|maintenu)e?"
    r"|(?:installe|acquis|achete|implante|deploye)e?s? en (?:19|20)\d\d"
    # the system in place named by its trouble ("the problems with X", "X has a very high
    # licensing fee", « les problèmes avec X ») or by its holder ("still has", "the Town's X")
    r"|obsolescence|(?:end|ending) of (?:support|life|sale)|(?:terminat\w*|discontinu\w*|ends?|ending|sunset\w*) (?:the )?support"
    r"|discontinued|sunset(?:ting|ted)?|fin d[ue] (?:support|soutien|vie|commercialisation)|ne sera plus (?:supporte|maintenu)e?"
    r"|expir(?:e|es|ed|ing|ation)|arriv\w* a (?:echeance|terme)|(?:annual |yearly |software )?(?:maintenance|support)"
    r" (?:and support |and maintenance )?(?:agreements?|contracts?|renewals?|fees?|costs?|for|of|on)"
    r"|(?:contrats? d')?(?:entretien|soutien) (?:et (?:de )?soutien )?(?:du|de la|des|annuel)"
    # a past year: the history of what the Town has ("selected in 2012", « acquis en 2009 »)
    f"|{_PAST_YEAR}"
    r"|(?:has|have|holds?|possede) (?:a|an|the|un|une) (?:[\w-]+ ){0,3}?(?:agreement|contract|licen[cs]e|subscription|entente|contrat)s?"
    r" (?:with|avec)"
    r"|still|problems? with|issues? with|difficult(?:y|ies) with|complaints? about"
    r"|(?:dis)?satisf(?:ied|action) with|unhappy with|frustrat\w*|cumbersome|poor(?:ly)?"
    r"|(?:very |too |extremely )(?:high|costly|expensive|slow|limited)|inefficien\w*|lacks?|lacking"
    r"|does not|do not|doesn't|don't|unable to|limitations?|deficienc\w*|shortcomings?"
    r"|problemes? (?:avec|de|du)|difficultes? (?:avec|de|du)|insatisf\w*|manque\w*|ne permet (?:pas|plus)"
    r"|lourd\w*|desuet\w*|son logiciel|sa solution|ses logiciels|leur logiciel"
)
"""Words that make a named brand the *current* system (P-INCUMBENT); without them a
named brand is taken as the product to acquire (P-SOLUTION)."""

CHOSEN_BEFORE = re.compile(
    r"\b(?:select(?:s|ed|ing)?|chose|chosen|choos(?:e|es|ing)|pick(?:s|ed|ing)?|award(?:s|ed|ing)?(?: (?:[\w-]+ ){0,4}?to)?"
    r"|recommend(?:s|ed|ing)?|favou?r(?:s|ed|ing)?|prefer(?:s|red|ring)?|proposals? (?:from|by|of)|quotes? from"
    r"|retenir|retenu\w*|choisi\w*|selectionn\w*|adjug\w* (?:[\w'-]+ ){0,4}?(?:a|au|aux)|octroy\w* (?:[\w'-]+ ){0,4}?(?:a|au|aux)"
    r"|soumission (?:de|d'|du)|privilegi\w*|nouveaux?|nouvelles?|new|proposed|propose\w*)"
    r"\s+(?:(?!(?:to|from|with|of|in|on|at|than|instead|over|for|using|use|that|pour|avec|que|dans|sur)\b|replac|remplac)[\w'-]+,?\s+){0,3}$"
)
"""Before a name, a word that chooses it, up to three words before the name but no
preposition or replacement word between: "selected X", "recommended the CRW product X",
"awarded the contract to X",
"recommends X", "the new X", « retenir X », « octroyer le contrat à X »."""

CHOSEN_AFTER = re.compile(
    r",?\s+(?:inc\.?,?\s+|ltd\.?,?\s+|corp\w*\.?,?\s+)?(?:(?:was|were|is|has been|have been|a ete|ont ete|est|sont) )?"
    r"(?:(?:the|as the|le|la|comme) )?(?:selected|chosen|recommended|favou?red|preferred|awarded|identified|(?:lowest|low) (?:responsive )?bidder"
    r"|successful (?:bidder|proponent|vendor)|winning|retenue?s?|choisie?s?|selectionnee?s?|plus bas soumissionnaire)\b"
)
"""After a name, a word that says it was chosen: "X was selected", "X, the low bidder",
« X a été retenue »."""

CHOSEN_IN_SENTENCE = words(
    r"(?:contract|agreement|lease|partnership|subscription) (?:[\w'-]+ ){0,5}?with|(?:its|their) (?:implementation|purchase|acquisition|deployment)"
    r"|favou?red (?:replacement|solution|option)|(?:successful|winning) (?:bidder|proponent|vendor)|low(?:est)? (?:responsive )?bidder"
    r"|selected|chosen|awarded|identified|recommended (?:vendor|solution|product|system|proposal)|implementer"
    r"|(?:contrat|entente|bail) (?:[\w'-]+ ){0,3}?avec|retenue?s?|choisie?s?|adjuge\w*|octroy\w*"
    # the new, proposed or recommended system, money to spend on it, a contract awarded to
    r"|(?:new|proposed|recommended|preferred|selected|nouveaux?|nouvelles?|propose\w*|recommande\w*|retenue?s?)"
    r" (?:[\w-]+ )?(?:system|software|solution|platform|systeme|logiciel|plateforme)s?"
    r"|(?:contract|agreement|bid|contrat|entente|mandat|soumission)s? (?:[\w'-]+ ){0,3}?"
    r"(?:awarded|given|granted|remise?s?|accordee?s?|attribuee?s?|confiee?s?|octroyee?s?|adjugee?s?) (?:to|a|au|aux)"
    r"|(?:to |will |agreed to |shall )spend (?:[\w$,.()-]+ ){0,6}?on|spending (?:[\w$,.()-]+ ){0,6}?on"
)
"""In a name's sentence, no acquisition word aiming at it and no word of the current
system, a word that chooses a product or vendor ("a contract with", "the low bidder",
"requesting its implementation", « un contrat avec »): the name is the one chosen
(P-SOLUTION). Without it, a name is described, not bought: the system in place."""

REPLACED = words(
    r"replac(?:e|es|ed|ing)|replacements? (?:of|for)|in place of|instead of"
    r"|(?:migrat\w*|mov\w*|transition\w*|switch\w*|upgrad\w*|convert\w*) (?:away )?from"
    r"|abandon(?:s|ed|ing)?|phas(?:e|es|ed|ing) out|retir(?:e|es|ed|ing)|decommission\w*"
    r"|remplac(?:er|e|es|ons|ez|ent|ant|ement)(?: (?:de|du|des|d'))?|en remplacement (?:de|du|des|d')"
    r"|(?:migr\w*|pass(?:er|e|ant|ons|ez|ent)|bascul\w*|sortir|sortie) (?:de|du|des|d')"
    r"|(?:l')?abandon (?:de|du|des|d')|abandonn\w*|retrait (?:de|du|des|d')"
    r"|quitt(?:er|e|ons|ez|ent|ant)|troqu(?:er|e|ons|ez|ent|ant)|delaiss\w*|se (?:defaire|separer) (?:de|du|des|d')"
)
"""A word whose object is the system being left (P-INCUMBENT): "replace X (with Y)",
"the replacement of X", "migrate from X (to Y)", « en remplacement de X », « passant de X à
Y », « l'abandon de X au profit de Y », « quitter X pour passer sur Y », « troquer X pour Y », « délaisser X au profit de Y »."""

ENDED = words(
    r"terminat(?:e|es|ed|ing|ion of)|cancel(?:s|ed|led|ing|ling|lation of)?|discontinu(?:e|es|ed|ing) (?:the )?use of"
    r"|(?:end|ending|ended) (?:the|its|our|their) (?:contract|agreement|relationship|subscription)s? with"
    r"|resili\w*|resiliation (?:de|du|des|d')|(?:mettre|mis|met|mettant) (?:fin|un terme) (?:a|au|aux)"
)
"""A word that ends a contract or a use ("terminate its contract with X", « résilier le
contrat avec X »): what it ends, and its partner after "with", is the system in place
(P-INCUMBENT)."""

RENEWED = words(
    r"renew(?:s|ed|ing)?|renewals? of|extend(?:s|ed|ing)?|extensions? (?:of|to)|continu(?:e|es|ed|ing)|continuation of"
    r"|prolong\w*|reconduction|reconduire"
)
"""A renewal or an extension: its object is the system in place (P-INCUMBENT), not a
product to acquire ("renew the agreement with X", « le renouvellement du contrat avec X »)."""

REPLACED_BY = words(r"with|by|to|for|into|par|a|au|aux|vers|pour|au profit (?:de|du|des|d')")
"""After the object of a :data:`REPLACED` word, the word that names what replaces it."""

UNITS: dict[str, re.Pattern[str]] = {
    "police": words(r"police\w*|policiers?"),
    "fire": words(
        r"fire (?:department|dept|services?|hall|rescue)|firefight\w*|fire ?fighters?"
        r"|incendies?|pompiers?"
    ),
    "public_works": words(r"public works|travaux publics"),
    "emergency": words(r"emergency management|securite civile|mesures d'urgence"),
    "paramedic": words(r"paramedic\w*|ambulanc\w*"),
    "finance": words(r"finance (?:department|dept|division|team|office)|treasury|finances|tresorerie"),
    "hr": words(r"human resources|ressources humaines"),
    "clerk": words(r"clerk'?s?(?: office)?|greffe|greffier\w*"),
    "planning": words(r"urban planning|planning (?:department|dept|division)|urbanisme"),
    "recreation": words(r"recreation|loisirs"),
    "water": words(
        r"water (?:department|utility|services?|division|treatment)"
        r"|(?:service|usine|traitement) (?:de l'|des )eaux?"
    ),
    "transport": words(r"transit|transportation (?:department|services?)|transports? en commun"),
    "communications": words(
        r"communications (?:department|team|office)|(?:service|direction) des communications"
    ),
}
"""Business units a statement may name (IT excluded: its scope is the whole town)."""
