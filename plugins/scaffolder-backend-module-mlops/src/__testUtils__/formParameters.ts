import { JsonObject } from '@backstage/types';
import fs from 'node:fs';
import yaml from 'yaml';
import {
  TemplateName,
  sampleParameters,
  templateFile,
} from '../skeleton/testTemplates';

interface ParameterPage {
  required?: string[];
  properties: Record<string, { default?: unknown }>;
}

function parameterPages(name: TemplateName): ParameterPage[] {
  const template = yaml.parse(fs.readFileSync(templateFile(name), 'utf8'));
  return template.spec.parameters;
}

/** Every field of a template's form, across its pages. */
export function formFields(name: TemplateName): string[] {
  return parameterPages(name).flatMap(page => Object.keys(page.properties));
}

/**
 * What the form submits when the data scientist fills only the required fields: those, plus
 * the defaults the form pre-fills; an optional field without a default is left out.
 */
export function requiredOnlyParameters(name: TemplateName): JsonObject {
  const sample = sampleParameters(name, 1) as JsonObject;
  const values: JsonObject = {};
  for (const page of parameterPages(name)) {
    for (const [field, property] of Object.entries(page.properties)) {
      if (page.required?.includes(field)) {
        values[field] = sample[field];
      } else if (property.default !== undefined) {
        values[field] = property.default as JsonObject[string];
      }
    }
  }
  return values;
}

/** Every field filled, the Level-2 path taken. */
export function everyFieldParameters(name: TemplateName): JsonObject {
  return sampleParameters(name, 2) as JsonObject;
}
