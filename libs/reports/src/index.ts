// Monthly outcome reports, their rollups and exports.
export {};
