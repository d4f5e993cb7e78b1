{{- define "wmodb.name" -}}
{{- .Values.cluster.name | default .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}

{{- define "wmodb.labels" -}}
app.kubernetes.io/name: wmo-database
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: wmo
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The object store, in the shape both the built-in backup and the plugin's ObjectStore use. */}}
{{- define "wmodb.objectStore" -}}
destinationPath: {{ .Values.backup.destinationPath | quote }}
{{- with .Values.backup.endpointURL }}
endpointURL: {{ . | quote }}
{{- end }}
s3Credentials:
  accessKeyId:
    name: {{ .Values.backup.s3Credentials.secretName }}
    key: {{ .Values.backup.s3Credentials.accessKeyIdKey }}
  secretAccessKey:
    name: {{ .Values.backup.s3Credentials.secretName }}
    key: {{ .Values.backup.s3Credentials.secretAccessKeyKey }}
wal:
  compression: {{ .Values.backup.compression }}
data:
  compression: {{ .Values.backup.compression }}
{{- end -}}
