import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('annotations', '0001_initial'),
        ('edition', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('paragraph', 'Paragraph'), ('entry', 'Entry'), ('event', 'Event'), ('annotation', 'Annotation')], max_length=12)),
                ('object_id', models.PositiveBigIntegerField(help_text='Block, footnote, entry, event or annotation id.')),
                ('publication', models.CharField(blank=True, max_length=200)),
                ('date', models.DateField(blank=True, help_text="The article's date; an event's date.", null=True)),
                ('block_number', models.PositiveIntegerField(blank=True, null=True)),
                ('url', models.CharField(max_length=600)),
                ('title', models.CharField(help_text="Shown as the result's link.", max_length=500)),
                ('label', models.CharField(blank=True, help_text='Shown beside the title: ¶3, Note 1, Place…', max_length=100)),
                ('heading', models.TextField(blank=True)),
                ('text', models.TextField(blank=True)),
                ('extra', models.TextField(blank=True)),
                ('facets', models.TextField(blank=True)),
                ('tags', models.TextField(blank=True, help_text="An annotation's tags, one a line.")),
                ('visibility', models.CharField(blank=True, max_length=10)),
                ('hidden', models.BooleanField(default=False)),
                ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='edition.article')),
                ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('classroom', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='annotations.classroom')),
            ],
            options={
                'indexes': [models.Index(fields=['kind', 'object_id'], name='searchdoc_kind_object'), models.Index(fields=['article', 'kind'], name='searchdoc_article_kind'), models.Index(fields=['date'], name='searchdoc_date')],
            },
        ),
    ]
