/*
 * The mlops REST API's types and client, generated from the backend's openapi.yaml
 * (`yarn workspace @landing-zone/plugin-mlops-backend generate`). Nothing here is kept by hand.
 */
export * from '../schema/openapi';
