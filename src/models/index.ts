export { CATALOGUE, defaultPreset, defaultPresets, findPreset, listPresets } from './catalogue.js';
export { modelsDirectory, presetDirectory, presetFilePath } from './paths.js';
export { isPresetPresent } from './presence.js';
export { type PullOptions, pullModels } from './pull.js';
export { resolveModelReference } from './resolve-reference.js';
export { presetSetting } from './setting.js';
export type { ModelFile, ModelPreset, ModelRole, ModelRuntime, PullEvent } from './types.js';
