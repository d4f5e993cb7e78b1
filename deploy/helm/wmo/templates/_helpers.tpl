{{/* The release's base name: "wmo" for a release named wmo, else <release>-wmo. */}}
{{- define "wmo.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "wmo.tag" -}}
{{- .Values.image.tag | default .Chart.AppVersion -}}
{{- end -}}

{{/* args: dict "root" $ "svc" name */}}
{{- define "wmo.image" -}}
{{- printf "%s/%s-%s:%s" .root.Values.image.registry .root.Values.image.prefix .svc (include "wmo.tag" .root) -}}
{{- end -}}

{{- define "wmo.selectorLabels" -}}
app.kubernetes.io/name: {{ .svc }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: wmo
{{- end -}}

{{- define "wmo.labels" -}}
{{ include "wmo.selectorLabels" . }}
app.kubernetes.io/version: {{ include "wmo.tag" .root | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Labels of the objects of the release as a whole (alert rules, dashboard). */}}
{{- define "wmo.chartLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: wmo
app.kubernetes.io/version: {{ include "wmo.tag" . | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The settings of one service: `defaults` overlaid with `services.<svc>`, as YAML. */}}
{{- define "wmo.config" -}}
{{- $own := index .root.Values.services .svc | default dict -}}
{{- toYaml (mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $own)) -}}
{{- end -}}

{{- define "wmo.dbHost" -}}
{{- if eq .Values.database.mode "cloudnativepg" -}}
{{- printf "%s-rw" .Values.database.cloudnativepg.clusterName -}}
{{- else -}}
{{- required "database.external.host is required when database.mode is external" .Values.database.external.host -}}
{{- end -}}
{{- end -}}

{{/* args: dict "root" $ "svc" name "kind" owner|app */}}
{{- define "wmo.roleSecret" -}}
{{- printf "%s-%s-%s" .root.Values.database.roleSecretPrefix .svc .kind -}}
{{- end -}}

{{/* SQLAlchemy URL without a password: asyncpg reads it from PGPASSWORD. */}}
{{- define "wmo.dbUrl" -}}
{{- printf "postgresql+asyncpg://%s_%s@%s:%v/%s" .svc .kind (include "wmo.dbHost" .root) .root.Values.database.port .root.Values.database.name -}}
{{- end -}}

{{/* The restricted Pod Security Standard, for every pod of the chart. */}}
{{- define "wmo.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "wmo.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* Settings shared by the service and its migration step. args: dict "root" $ "svc" name */}}
{{- define "wmo.commonEnv" -}}
{{- $p := upper .svc -}}
- name: {{ $p }}_ENVIRONMENT
  value: production
- name: {{ $p }}_AUTH_MODE
  value: jwks
- name: {{ $p }}_JWKS_URL
  value: {{ .root.Values.auth.jwksUrl | quote }}
- name: {{ $p }}_JWT_ISSUER
  value: {{ .root.Values.auth.jwtIssuer | quote }}
- name: {{ $p }}_JWT_AUDIENCE
  value: {{ .root.Values.auth.jwtAudience | quote }}
{{- if .root.Values.serviceToken.perGemeente }}
- name: {{ $p }}_SERVICE_TOKEN_DIR
  value: /var/run/wmo/service-tokens
{{- else }}
- name: {{ $p }}_SERVICE_TOKEN_FILE
  value: /var/run/wmo/service-token
{{- end }}
- name: {{ $p }}_JSON_LOGS
  value: "true"
- name: PGSSLMODE
  value: {{ .root.Values.database.sslmode | quote }}
{{- end -}}

{{/* args: dict "root" $ "svc" name "kind" owner|app */}}
{{- define "wmo.passwordEnv" -}}
- name: PGPASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "wmo.roleSecret" . }}
      key: password
{{- end -}}
