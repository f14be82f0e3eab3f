// Crée le questionnaire de l'annexe 4 dans Google Forms (Maine-et-Loire).
// Écrit par « diagnostic nouveau » à partir de instrument/questionnaire.yaml : ne changez ni les
// libellés ni l'ordre des questions, le manuel lit l'export des réponses par ces libellés.
// Exécutez la fonction creerFormulaire ; le journal donne l'adresse du formulaire.

var NOMBRE_SITUATIONS = 10;

function section_introduction(form) {
  form.addSectionHeaderItem().setTitle("Introduction : quelques données vous concernant");
  form.addTextItem().setTitle("Nom de l'organisation ou du service :");
  form.addTextItem().setTitle("Nom du/de la répondant.e :");
  form.addTextItem().setTitle("Fonction :");
  form.addTextItem().setTitle("Adresse mail :");
  form.addTextItem().setTitle("Numéro de téléphone :");
  form.addTextItem().setTitle("Votre activité principale :");
  form.addMultipleChoiceItem().setTitle("Vous remplissez le questionnaire :").setChoiceValues(["A titre individuel", "A titre collectif (service ou structure)"]);
  form.addTextItem().setTitle("Si le questionnaire est rempli à titre collectif, combien de professionnel.les ont-ils/elles été consulté.es ?")
      .setValidation(FormApp.createTextValidation().requireWholeNumber().build());
}

function section_reperage(form) {
  var page = form.addPageBreakItem().setTitle("I- Le repérage et l'identification des personnes en risque, ou en situation de prostitution");
  form.addCheckboxItem().setTitle("Dans le cadre de vos missions, avez-vous déjà :").setChoiceValues(["Identifié des situations de risque prostitutionnel (des personnes vous semblant particulièrement exposées au risque d'entrer dans la prostitution)", "Identifié, de manière probable ou avérée, des situations de prostitution", "Eu connaissance, par un tiers, de situations de prostitution", "Été témoin de situations de prostitution"]);
  form.addTextItem().setTitle("Combien de personnes ces situations concernent-elles ?");
  return page;
}

function section_situation(form, numero) {
  var page = form.addPageBreakItem().setTitle("Description des situations" + " — situation n°" + numero);
  form.addMultipleChoiceItem().setTitle("Cette situation relève :").setHelpText("Question ajoutée par le manuel du diagnostic : elle n'est pas dans l'annexe 4 du rapport.").setChoiceValues(["D'un risque prostitutionnel (des personnes particulièrement exposées au risque d'entrer dans la prostitution)", "D'une prostitution probable ou avérée (identifiée, observée ou rapportée)"]);
  form.addTextItem().setTitle("Combien de personnes (environ) sont concernées par cette situation ?");
  form.addCheckboxItem().setTitle("Ces personnes sont :").setChoiceValues(["Des femmes", "Des hommes", "Des personnes transidentitaires"]);
  form.addCheckboxItem().setTitle("Quel âge ont-elles, environ ?").setChoiceValues(["Moins de 15 ans", "15-17 ans", "18-25 ans", "26-35 ans", "36-45 ans", "46-55 ans", "Plus de 55 ans"]);
  form.addCheckboxItem().setTitle("Quelle est leur nationalité ?").setChoiceValues(["Française", "Union Européenne", "Hors Union Européenne"]);
  form.addTextItem().setTitle("Pour les personnes étrangères, pourriez-vous préciser leur pays d'origine ?");
  form.addTextItem().setTitle("Pour les personnes étrangères hors Union Européenne, pourriez-vous préciser leur situation administrative ?");
  form.addCheckboxItem().setTitle("Quelle est leur situation familiale ?").setChoiceValues(["En couple ou en famille", "Seul.e avec enfant(s) à charge ou enceinte", "Seul.e sans enfants", "Autre"]);
  form.addCheckboxItem().setTitle("Comment / où logent-elles ?").setChoiceValues(["Logement autonome", "Famille", "Logement étudiant", "Centre d'hébergement / Foyer", "Hôtel / Via le 115", "Rue", "Squat", "Tiers / Connaissance / Communauté", "Camp / Bidonville", "Autre"]);
  form.addCheckboxItem().setTitle("Quelle est leur situation professionnelle ?").setChoiceValues(["Apprenti.e", "Demandeur.euse d'emploi", "Etranger.e sans titre de travail", "Etudiant.e", "Travailleur.euse indépendant.e", "Salarié.e", "Scolarisé.e (collège, lycée)", "Retraité.e", "Autre"]);
  form.addCheckboxItem().setTitle("Quelle est leur situation financière ?").setChoiceValues(["Minima sociaux", "Salaire", "Sans ressources", "Autre"]);
  form.addTextItem().setTitle("Pouvez-vous décrire leur parcours de vie, des facteurs de vulnérabilité qui pourraient conduire ces personnes à entrer dans la prostitution ?");
  form.addCheckboxItem().setTitle("De quelle forme de prostitution s'agit-il ?").setChoiceValues(["Appartement", "Bar / Club", "Forêt / Bois", "Hôtel", "Route", "Rue", "Salon de massage", "Structure d'hébergement", "Via Internet", "Contre hébergement", "Contre autres biens ou services", "Inconnu", "Autre"]);
  form.addTextItem().setTitle("Pouvez-vous préciser les zones géographiques où ont lieu les faits de prostitution (dans quelles villes, quels quartiers, noms de rues, numéros de routes...)?");
  form.addTextItem().setTitle("Savez-vous s'il existe un/des proxénète(s) ?");
  form.addTextItem().setTitle("Pensez-vous que la prostitution de ces personnes est organisée par un réseau de proxénétisme et/ou de traite des êtres humains ?");
  form.addTextItem().setTitle("Avez-vous des informations concernant les clients de ces personnes ?");
  form.addTextItem().setTitle("Informations complémentaires que vous souhaiteriez apporter...");
  var suite = form.addMultipleChoiceItem().setTitle("Décrire une autre situation ?");
  return {page: page, suite: suite};
}

function section_accompagnement(form) {
  var page = form.addPageBreakItem().setTitle("II- L'accueil, l'accompagnement et l'orientation des personnes en risque, ou en situation de prostitution");
  form.addMultipleChoiceItem().setTitle("Dans le cadre de vos missions, avez-vous déjà pris en charge des personnes en situation ou en risque de prostitution ?").setChoiceValues(["Oui", "Non"]);
  form.addMultipleChoiceItem().setTitle("Si oui, avez-vous parlé avec elles de prostitution (directement ou de manière suggérée) ?").setChoiceValues(["Oui", "Non"]);
  form.addTextItem().setTitle("Ces personnes avaient-elles des demandes particulières ? Lesquelles ?");
  form.addTextItem().setTitle("Quelles réponses ont été apportées ?");
  form.addTextItem().setTitle("Avez-vous orienté ces personnes vers d'autres structures ? Lesquelles ?");
  form.addMultipleChoiceItem().setTitle("Aborder le sujet de la prostitution avec une personne qui pourrait être concerné vous semble-t-il :").setChoiceValues(["Facile", "Difficile", "Ni facile, ni difficile"]);
  form.addTextItem().setTitle("Pourquoi ?");
  form.addMultipleChoiceItem().setTitle("Vous estimez-vous suffisamment outillé.e ?").setChoiceValues(["Oui", "Non"]);
  form.addCheckboxItem().setTitle("Si non, de quoi auriez-vous besoin pour mieux accompagner les personnes en situation ou en risque de prostitution ?").setChoiceValues(["Information / sensibilisation", "Appui d'associations spécialisées", "Formation", "Outils de prévention", "Mise en réseau", "Autre"]);
  form.addTextItem().setTitle("Quels sont les principaux freins auxquels vous vous heurtez dans votre volonté d'accompagner des personnes en situation, ou en risque de prostitution ?");
  form.addMultipleChoiceItem().setTitle("Avez-vous déjà suivi, ou allez-vous suivre, une formation en lien avec cette problématique ?").setChoiceValues(["Oui", "Non"]);
  form.addTextItem().setTitle("Si oui, pouvez préciser le type de formation suivie (nombre de jours, titre, intervenant.e...) ?");
  form.addMultipleChoiceItem().setTitle("Seriez-vous intéressé.e pour participer à un travail en réseau ou à une démarche de réflexion partagée en lien avec cette problématique ?").setChoiceValues(["Oui", "Non"]);
  form.addTextItem().setTitle("Informations complémentaires que vous souhaiteriez apporter...");
  return page;
}

function section_loi(form) {
  var page = form.addPageBreakItem().setTitle("III- L'application de la Loi du 13 avril 2016 et la mise en place des parcours de sortie de la prostitution");
  form.addMultipleChoiceItem().setTitle("Le saviez-vous ? [La Loi du 13 avril 2016 abolit le délit de racolage]").setChoiceValues(["Oui, je le savais", "Non, je ne le savais pas"]);
  form.addMultipleChoiceItem().setTitle("Le saviez-vous ? [Les clients de la prostitution sont désormais passibles d'une contravention de 1500€]").setChoiceValues(["Oui, je le savais", "Non, je ne le savais pas"]);
  form.addMultipleChoiceItem().setTitle("Le saviez-vous ? [La Loi du 13 avril 2016 crée un parcours de sortie de la prostitution et d'insertion sociale et professionnelle]").setChoiceValues(["Oui, je le savais", "Non, je ne le savais pas"]);
  form.addMultipleChoiceItem().setTitle("Le saviez-vous ? [Le parcours de sortie de la prostitution peut donner droit à une autorisation provisoire de séjour avec droit au travail]").setChoiceValues(["Oui, je le savais", "Non, je ne le savais pas"]);
  form.addMultipleChoiceItem().setTitle("Le saviez-vous ? [La marchandisation des corps entre désormais dans les thématiques abordées lors des actions de prévention à destination des jeunes]").setChoiceValues(["Oui, je le savais", "Non, je ne le savais pas"]);
  form.addMultipleChoiceItem().setTitle("Le saviez-vous ? [La Loi du 13 avril 2016 crée une commission départementale, chargée de coordonner l'action en faveur des victimes de la prostitution]").setChoiceValues(["Oui, je le savais", "Non, je ne le savais pas"]);
  form.addTextItem().setTitle("Pensez-vous que vous pourriez orienter des personnes vers le dispositif du parcours de sortie de la prostitution et d'insertion sociale et professionnelle ?");
  form.addMultipleChoiceItem().setTitle("Avez-vous déjà mené des actions de prévention et/ou de sensibilisation au sujet de la prostitution ?").setChoiceValues(["Oui", "Non"]);
  form.addTextItem().setTitle("Si oui, pouvez-vous préciser (type d'action, public visé, outils utilisés...) ?");
  form.addTextItem().setTitle("Identifiez-vous des besoins spécifiques en termes de prévention, notamment auprès des jeunes ? Lesquels ?");
  form.addTextItem().setTitle("Informations complémentaires que vous souhaiteriez apporter...");
  return page;
}

function section_conclusion(form) {
  var page = form.addPageBreakItem().setTitle("Conclusion : pour aller plus loin");
  form.addMultipleChoiceItem().setTitle("Acceptez-vous d'être recontacté.e dans le cadre de ce diagnostic ?").setChoiceValues(["Oui", "Non"]);
  form.addMultipleChoiceItem().setTitle("Connaissez-vous des personnes ressources pour ce diagnostic ?").setChoiceValues(["Oui", "Non"]);
  form.addTextItem().setTitle("Si oui, pourriez-vous nous indiquer leurs noms / coordonnées / fonctions ?");
  form.addTextItem().setTitle("Pourquoi sont-elles ressources selon-vous ?");
  form.addTextItem().setTitle("Informations complémentaires que vous souhaiteriez apporter...");
  return page;
}

function creerFormulaire() {
  var form = FormApp.create("Diagnostic partagé de la prostitution — Maine-et-Loire");
  form.setCollectEmail(false);
  section_introduction(form);
  section_reperage(form);
  var situations = [];
  for (var numero = 1; numero <= NOMBRE_SITUATIONS; numero++) {
    situations.push(section_situation(form, numero));
  }
  var partie2 = section_accompagnement(form);
  section_loi(form);
  section_conclusion(form);
  // « Décrire une autre situation ? » : la situation suivante, ou la partie II.
  for (var i = 0; i < situations.length; i++) {
    var suivante = i + 1 < situations.length ? situations[i + 1].page : partie2;
    var suite = situations[i].suite;
    suite.setChoices([suite.createChoice("Oui", suivante), suite.createChoice("Non, passer à la rubrique suivante", partie2)]);
  }
  Logger.log("Formulaire créé : " + form.getEditUrl());
}
