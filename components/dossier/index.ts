export {
  DvcDossier,
  type DossierFile,
  type DossierPayment,
  type DossierSignature,
} from './dossier.js';
export { DOSSIER_MESSAGES, type DossierMessages } from './messages.js';
