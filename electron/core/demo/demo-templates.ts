/** The demo's templates ("réponses types"), in a theme tree, with the product's placeholders. */

export interface DemoTheme {
  name: string;
  templates?: { title: string; bodyHtml: string }[];
  children?: DemoTheme[];
}

const greeting = '<p>Bonjour {{contact.civility}} {{contact.lastName}},</p>';
const closing = '<p>Nous restons à votre disposition.</p><p>Cordialement,<br>{{agent.name}}</p>';
const body = (...paragraphs: string[]) => greeting + paragraphs.map((p) => `<p>${p}</p>`).join('') + closing;

export const demoThemes: readonly DemoTheme[] = [
  {
    name: 'Accueil',
    templates: [
      {
        title: 'Prise en charge de la demande',
        bodyHtml: body('Votre demande n° {{case.number}} est prise en charge. Nous revenons vers vous très rapidement.'),
      },
    ],
  },
  {
    name: 'Facturation',
    templates: [
      {
        title: 'Explication de facture',
        bodyHtml: body(
          'Votre facture comprend l’abonnement du mois en cours et, le cas échéant, les consommations du mois précédent.',
          'Le détail ligne à ligne est disponible dans votre espace client, rubrique Factures.',
        ),
      },
    ],
    children: [
      {
        name: 'Remboursements',
        templates: [
          {
            title: 'Remboursement accordé',
            bodyHtml: body(
              'Suite à votre demande n° {{case.number}}, un remboursement a été effectué sur votre compte.',
              'Il apparaîtra sur votre relevé sous 5 à 7 jours ouvrés.',
            ),
          },
          {
            title: 'Remboursement refusé',
            bodyHtml: body(
              'Après étude de votre demande n° {{case.number}}, nous ne pouvons malheureusement pas y donner une suite favorable.',
            ),
          },
        ],
      },
    ],
  },
  {
    name: 'Livraison',
    templates: [
      {
        title: 'Retard de livraison',
        bodyHtml: body(
          'Votre commande a pris du retard chez notre transporteur. Elle vous sera livrée sous 3 jours ouvrés.',
        ),
      },
      {
        title: 'Colis endommagé',
        bodyHtml: body(
          'Nous sommes désolés que votre colis soit arrivé endommagé. Un nouvel envoi est en préparation.',
          'Vous n’avez pas besoin de nous retourner l’article abîmé.',
        ),
      },
    ],
  },
  {
    name: 'Demande de pièces',
    templates: [
      {
        title: 'Pièce justificative manquante',
        bodyHtml: body(
          'Pour traiter votre demande n° {{case.number}}, merci de nous transmettre un justificatif de domicile de moins de trois mois.',
        ),
      },
    ],
  },
  {
    name: 'Clôture',
    templates: [
      {
        title: 'Clôture du dossier',
        bodyHtml: body('Votre demande n° {{case.number}} est désormais traitée ; nous clôturons votre dossier.'),
      },
    ],
  },
];
