import { refused } from '../admin/admin-guard';

/** The French refusals of backups and restores, shared by the modules that check a backup. */
export { refused };

export const damaged = (file: string) =>
  refused(`La sauvegarde est endommagée : le fichier « ${file} » ne correspond plus à l’empreinte SHA-256 notée dans son manifeste. Elle ne peut pas être restaurée : choisissez-en une autre.`);

export const incomplete = (file: string) =>
  refused(`La sauvegarde est incomplète : le fichier « ${file} » manque. Elle ne peut pas être restaurée : choisissez-en une autre.`);
