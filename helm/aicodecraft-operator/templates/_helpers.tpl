{{/* The chart's name, shortened to what a label value allows. */}}
{{- define "aicodecraft-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: the prefix of every object of the chart. */}}
{{- define "aicodecraft-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "aicodecraft-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "aicodecraft-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "aicodecraft-operator.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "aicodecraft-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: aicodecraft
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "aicodecraft-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "aicodecraft-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The namespaces watched, comma-separated; empty means all. */}}
{{- define "aicodecraft-operator.watchNamespaces" -}}
{{- if eq .Values.watch.mode "namespaces" }}
{{- join "," .Values.watch.namespaces }}
{{- end }}
{{- end }}

{{/*
The operator's permissions on the stacks and what they own: exactly the kinds and verbs the
reconciler uses (RbacTest in the operator module derives them from the reconciler's workflow).
Shared by the ClusterRole (watch.mode all) and each namespace's Role (watch.mode namespaces).
*/}}
{{- define "aicodecraft-operator.rules" -}}
# the stacks: cached by an informer; status written by server-side apply
- apiGroups: ["aicodecraft.io"]
  resources: ["aicodecraftstacks"]
  verbs: ["list", "watch"]
- apiGroups: ["aicodecraft.io"]
  resources: ["aicodecraftstacks/status"]
  verbs: ["patch"]
# generated Secrets and the API's ConfigMap: created, never deleted; JOSDK updates these two kinds by a plain update
# (PUT, not apply): a renewed certificate, a rotated credential, a changed configuration
- apiGroups: [""]
  resources: ["secrets", "configmaps"]
  verbs: ["list", "watch", "create", "patch", "update"]
# Redis's data claim and the backups' claim: created (by apply), never deleted
- apiGroups: [""]
  resources: ["persistentvolumeclaims"]
  verbs: ["list", "watch", "create", "patch"]
# objects that follow options of the spec (managed or external, autoscaling, isolation): also deleted
- apiGroups: [""]
  resources: ["services"]
  verbs: ["list", "watch", "create", "patch", "delete"]
- apiGroups: ["apps"]
  resources: ["statefulsets", "deployments"]
  verbs: ["list", "watch", "create", "patch", "delete"]
- apiGroups: ["autoscaling"]
  resources: ["horizontalpodautoscalers"]
  verbs: ["list", "watch", "create", "patch", "delete"]
- apiGroups: ["policy"]
  resources: ["poddisruptionbudgets"]
  verbs: ["list", "watch", "create", "patch", "delete"]
- apiGroups: ["networking.k8s.io"]
  resources: ["networkpolicies"]
  verbs: ["list", "watch", "create", "patch", "delete"]
# migration Jobs: one per API image; those of earlier images are deleted once the current one succeeded;
# backup Jobs: one per on-demand token
- apiGroups: ["batch"]
  resources: ["jobs"]
  verbs: ["list", "watch", "create", "patch", "delete"]
# the scheduled backups, while spec.postgres.backup is set
- apiGroups: ["batch"]
  resources: ["cronjobs"]
  verbs: ["list", "watch", "create", "patch", "delete"]
# the stacks' pods, only read: what the kubelet and the scheduler say of them becomes the conditions' reasons
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["list", "watch"]
# events on the stacks, for kubectl describe; a repeat patches the count of the Event it repeats
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
# cert-manager Certificates, while a stack has spec.tls.issuerRef (unused where cert-manager is not installed)
- apiGroups: ["cert-manager.io"]
  resources: ["certificates"]
  verbs: ["list", "watch", "create", "patch", "delete"]
# the Prometheus Operator's ServiceMonitor, PodMonitor and PrometheusRule, while spec.monitoring.enabled (unused where it is not installed)
- apiGroups: ["monitoring.coreos.com"]
  resources: ["servicemonitors", "podmonitors", "prometheusrules"]
  verbs: ["list", "watch", "create", "patch", "delete"]
{{- end }}
